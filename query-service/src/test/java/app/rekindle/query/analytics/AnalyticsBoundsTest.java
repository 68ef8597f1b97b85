package app.rekindle.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.events.JournalEvent;
import app.rekindle.query.QueryServiceTest;
import app.rekindle.query.TestApi;
import app.rekindle.query.TestJournal;
import app.rekindle.query.projection.Projector;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An analytics answer holds at most 2,000 periods (AnalyticsCalculator.MAX_PERIODS). Asked for more — with
 * from/to named, or left open on a journal that spans more — it is a 400 naming from or to, answered before
 * anything is computed; {@code from=0001-01-01&to=9999-12-31} once answered 76 MB and {@code to=+999999999-12-31}
 * ran the service out of memory.
 */
class AnalyticsBoundsTest extends QueryServiceTest {

    /** Generous for 2,000 periods of about 200 bytes each; the unbounded answer was 76 MB. */
    private static final int MAX_BODY_BYTES = 1024 * 1024;

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

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "from=1900-01-01&to=9999-12-31, to",
        "from=1900-01-01&to=9999-12-31&bucket=MONTH, to",
        "from=1950-01-01&to=2026-12-31&bucket=WEEK, to",
        "from=1900-01-01, to",
        "to=9999-12-31&bucket=MONTH, from"
    })
    void more_than_two_thousand_periods_is_400_naming_from_or_to(String query, String field) {
        var before =
                api.get("/journals/" + journal.id + "/timeline", journal.owner).raw();

        var response = api.get("/journals/" + journal.id + "/analytics?" + query, journal.owner);

        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        var error = response.body().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo(field);
        assertThat(error.get("rule").asString()).isEqualTo("max-periods");
        assertThat(api.get("/journals/" + journal.id + "/timeline", journal.owner)
                        .raw())
                .isEqualTo(before);
    }

    @Test
    void two_thousand_weeks_are_answered_in_a_bounded_body() {
        LocalDate to = LocalDate.parse("2026-03-01");
        LocalDate from = to.minusWeeks(1999);

        var response = api.get("/journals/" + journal.id + "/analytics?from=" + from + "&to=" + to, journal.owner);

        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        assertThat(response.body().get("periods").size()).isEqualTo(AnalyticsCalculator.MAX_PERIODS);
        assertThat(response.raw().getBytes().length).isLessThan(MAX_BODY_BYTES);
        assertThat(response.body().get("entries").asInt()).isEqualTo(1);
    }

    @Test
    void an_open_range_is_bounded_by_the_journal_s_own_span() {
        // A check-in back-dated to 1905: the journal spans 121 years, more than 2,000 weeks but not months.
        projector.apply(journal.publish(new JournalEvent.CheckedIn(
                journal.id,
                UUID.randomUUID(),
                2,
                2,
                "long ago",
                Instant.parse("1905-06-01T12:00:00Z"),
                journal.tick())));

        var weeks = api.get("/journals/" + journal.id + "/analytics?minVersion=2", journal.owner);
        var months = api.get("/journals/" + journal.id + "/analytics?bucket=MONTH", journal.owner);

        assertThat(weeks.status()).as(weeks.raw()).isEqualTo(400);
        assertThat(weeks.body().get("errors").get(0).get("field").asString()).isEqualTo("from");
        assertThat(months.status()).as(months.raw()).isEqualTo(200);
        assertThat(months.body().get("entries").asInt()).isEqualTo(2);
        assertThat(months.raw().getBytes().length).isLessThan(MAX_BODY_BYTES);
    }
}
