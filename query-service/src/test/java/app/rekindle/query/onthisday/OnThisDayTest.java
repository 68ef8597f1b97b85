package app.rekindle.query.onthisday;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.events.JournalEvent;
import app.rekindle.events.JournalEvent.CheckedIn;
import app.rekindle.query.QueryServiceTest;
import app.rekindle.query.TestApi;
import app.rekindle.query.TestJournal;
import app.rekindle.query.projection.Projector;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

class OnThisDayTest extends QueryServiceTest {

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
        apply(journal.opened());
    }

    @Test
    void entries_of_the_same_day_in_earlier_months_and_years_are_grouped_by_how_long_ago() {
        var yearAgo = checkIn("2025-03-15T09:00:00Z", "a year ago");
        checkIn("2026-02-15T20:00:00Z", "last month, evening");
        checkIn("2026-02-15T07:00:00Z", "last month, morning");
        checkIn("2026-02-14T23:30:00Z", "the 15th in Berlin, too"); // 00:30 on the 15th in Berlin
        checkIn("2026-01-15T23:30:00Z", "the 16th in Berlin");
        checkIn("2026-03-15T08:00:00Z", "the day itself");
        checkIn("2026-04-15T08:00:00Z", "later");
        var retracted = checkIn("2025-12-15T08:00:00Z", "retracted");
        apply(journal.retracted(retracted.entryId(), "oops"));

        JsonNode groups = get("?date=2026-03-15").get("groups");

        assertThat(groups.valueStream().map(g -> g.get("label").asString()))
                .containsExactly("1 month ago", "1 year ago");
        assertThat(groups.get(0).get("day").asString()).isEqualTo("2026-02-15");
        assertThat(groups.get(0).get("entries").valueStream().map(e -> e.get("fields")
                        .get("note")
                        .asString()))
                .containsExactly("last month, evening", "last month, morning", "the 15th in Berlin, too");
        assertThat(groups.get(1).get("monthsAgo").asInt()).isEqualTo(12);
        assertThat(groups.get(1).get("entries").get(0).get("entryId").asString())
                .isEqualTo(yearAgo.entryId().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"date=yesterday", "date=2026-02-30", "minVersion=-1"})
    void bad_parameters_are_400_naming_the_parameter(String query) {
        var response = api.get("/journals/" + journal.id + "/on-this-day?" + query, journal.owner);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("errors").get(0).get("field").asString())
                .isEqualTo(query.substring(0, query.indexOf('=')));
    }

    @Test
    void someone_elses_journal_answers_like_a_missing_one() {
        var foreign = api.get("/journals/" + journal.id + "/on-this-day", "mallory");
        var missing = api.get("/journals/" + UUID.randomUUID() + "/on-this-day", "mallory");

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.raw()).isEqualTo(missing.raw());
    }

    private CheckedIn checkIn(String at, String note) {
        Instant instant = Instant.parse(at);
        CheckedIn checkIn = new CheckedIn(journal.id, UUID.randomUUID(), 3, 3, note, instant, instant);
        apply(checkIn);
        return checkIn;
    }

    private void apply(JournalEvent event) {
        assertThat(projector.apply(journal.publish(event))).isEqualTo(Projector.Outcome.APPLIED);
    }

    private JsonNode get(String query) {
        var response = api.get("/journals/" + journal.id + "/on-this-day" + query, journal.owner);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.body();
    }
}
