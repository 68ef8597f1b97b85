package app.rekindle.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.query.QueryServiceTest;
import app.rekindle.query.TestApi;
import app.rekindle.query.TestJournal;
import app.rekindle.query.projection.Projector;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

class AnalyticsHttpTest extends QueryServiceTest {

    @Autowired
    Projector projector;

    @LocalServerPort
    int port;

    TestApi api;
    TestJournal journal;

    @BeforeEach
    void journal_of_alice() {
        api = new TestApi(port);
        journal = new TestJournal("alice-" + UUID.randomUUID());
        projector.apply(journal.publish(journal.opened()));
        projector.apply(journal.publish(journal.checkIn("fine")));
    }

    @Test
    void a_range_of_months_lists_every_month_in_it_and_counts_only_its_entries() {
        var response = api.get(
                "/journals/" + journal.id + "/analytics?from=2026-02-01&to=2026-04-30&bucket=MONTH" + "&minVersion=1",
                journal.owner);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("timezone").asString()).isEqualTo("Europe/Berlin");
        assertThat(response.body().get("periods").valueStream().map(p -> p.get("start")
                        .asString()))
                .containsExactly("2026-02-01", "2026-03-01", "2026-04-01");
        assertThat(response.body().get("entriesByKind").get("CHECK_IN").asInt()).isEqualTo(1);
        assertThat(response.body().get("mood").get("average").asDouble()).isEqualTo(3.0);
        assertThat(api.get("/journals/" + journal.id + "/analytics?from=2026-04-01", journal.owner)
                        .body()
                        .get("entries")
                        .asInt())
                .isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bucket=YEAR", "from=2026-13-01", "from=2026-03-02&to=2026-03-01", "minVersion=-1"})
    void bad_analytics_parameters_are_400_naming_the_parameter(String query) {
        var response = api.get("/journals/" + journal.id + "/analytics?" + query, journal.owner);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.body().get("errors").get(0).get("field").asString())
                .isEqualTo(query.substring(query.lastIndexOf('&') + 1, query.lastIndexOf('=')));
    }

    @Test
    void someone_elses_analytics_answer_like_a_missing_journal() {
        var foreign = api.get("/journals/" + journal.id + "/analytics", "mallory");
        var missing = api.get("/journals/" + UUID.randomUUID() + "/analytics", "mallory");

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.raw()).isEqualTo(missing.raw());
    }
}
