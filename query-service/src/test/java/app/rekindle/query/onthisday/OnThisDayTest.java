package app.rekindle.query.onthisday;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.events.JournalEvent;
import app.rekindle.events.JournalEvent.CheckedIn;
import app.rekindle.query.QueryServiceTest;
import app.rekindle.query.TestApi;
import app.rekindle.query.TestJournal;
import app.rekindle.query.projection.Projector;
import app.rekindle.query.timeline.TimelineCursor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

    @Test
    void a_page_holds_at_most_limit_entries_and_its_cursor_leads_to_the_next_older_ones() {
        checkIn("2026-02-15T20:00:00Z", "february, evening");
        checkIn("2026-02-15T07:00:00Z", "february, morning");
        checkIn("2026-01-15T12:00:00Z", "january");
        checkIn("2025-12-15T18:00:00Z", "december, evening");
        checkIn("2025-12-15T09:00:00Z", "december, morning");

        JsonNode first = get("?date=2026-03-15&limit=2");
        JsonNode second =
                get("?date=2026-03-15&limit=2&cursor=" + first.get("nextCursor").asString());
        JsonNode third = get(
                "?date=2026-03-15&limit=2&cursor=" + second.get("nextCursor").asString());

        assertThat(notes(first)).containsExactly("february, evening", "february, morning");
        assertThat(notes(second)).containsExactly("january", "december, evening");
        assertThat(days(second)).containsExactly("2026-01-15", "2025-12-15");
        assertThat(notes(third)).containsExactly("december, morning");
        assertThat(days(third))
                .as("a day split over two pages is named again on the next one")
                .containsExactly("2025-12-15");
        assertThat(third.get("groups").get(0).get("label").asString()).isEqualTo("3 months ago");
        assertThat(third.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void a_page_that_ends_exactly_on_the_last_entry_has_no_next_cursor() {
        checkIn("2026-02-15T20:00:00Z", "february");
        checkIn("2026-01-15T12:00:00Z", "january");

        JsonNode exact = get("?date=2026-03-15&limit=2");
        JsonNode shorter = get("?date=2026-03-15&limit=1");

        assertThat(notes(exact)).containsExactly("february", "january");
        assertThat(exact.get("nextCursor").isNull()).isTrue();
        assertThat(shorter.get("nextCursor").isNull()).isFalse();
    }

    @Test
    void without_a_limit_a_page_holds_twenty_entries_like_the_timeline() {
        for (int i = 0; i < 25; i++) {
            checkIn(Instant.parse("2026-02-15T08:00:00Z").plusSeconds(60L * i).toString(), "entry " + i);
        }

        JsonNode first = get("?date=2026-03-15");
        JsonNode rest = get("?date=2026-03-15&cursor=" + first.get("nextCursor").asString());

        assertThat(notes(first)).hasSize(20).startsWith("entry 24").endsWith("entry 5");
        assertThat(notes(rest)).containsExactly("entry 4", "entry 3", "entry 2", "entry 1", "entry 0");
        assertThat(rest.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void entries_with_the_same_instant_are_paged_by_id_without_repeating_or_skipping_one() {
        for (int i = 0; i < 5; i++) {
            checkIn("2026-02-15T08:00:00Z", "same instant " + i);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = get("?date=2026-03-15&limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            page.get("groups").forEach(g -> g.get("entries")
                    .forEach(e -> seen.add(e.get("entryId").asString())));
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asString();
        } while (cursor != null);

        assertThat(seen).doesNotHaveDuplicates().hasSize(5);
        assertThat(seen).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "date=yesterday",
                "date=2026-02-30",
                "minVersion=-1",
                "limit=0",
                "limit=-1",
                "limit=101",
                "limit=2147483648",
                "limit=many",
                "cursor=not-a-cursor",
                "cursor=%00%01",
                // A well-formed cursor naming an instant outside the read window (year 1800).
                "cursor=MTgwMC0wMS0wMVQwMDowMDowMFp8MDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAw"
            })
    void bad_parameters_are_400_problem_json_naming_the_parameter(String query) {
        var response = api.get("/journals/" + journal.id + "/on-this-day?" + query, journal.owner);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body().get("errors").get(0).get("field").asString())
                .isEqualTo(query.substring(0, query.indexOf('=')));
    }

    @Test
    void someone_elses_journal_answers_like_a_missing_one() {
        checkIn("2026-02-15T20:00:00Z", "mine");
        String cursor = new TimelineCursor(Instant.parse("2026-02-15T20:00:00Z"), UUID.randomUUID()).encode();

        for (String query : List.of("", "?date=2026-03-15", "?date=2026-03-15&limit=1&cursor=" + cursor)) {
            var foreign = api.get("/journals/" + journal.id + "/on-this-day" + query, "mallory");
            var missing = api.get("/journals/" + UUID.randomUUID() + "/on-this-day" + query, "mallory");

            assertThat(foreign.status()).as(query).isEqualTo(404);
            assertThat(foreign.raw()).as(query).isEqualTo(missing.raw());
        }
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

    private static List<String> notes(JsonNode page) {
        List<String> notes = new ArrayList<>();
        page.get("groups").forEach(g -> g.get("entries")
                .forEach(e -> notes.add(e.get("fields").get("note").asString())));
        return notes;
    }

    private static List<String> days(JsonNode page) {
        return page.get("groups")
                .valueStream()
                .map(g -> g.get("day").asString())
                .toList();
    }

    private JsonNode get(String query) {
        var response = api.get("/journals/" + journal.id + "/on-this-day" + query, journal.owner);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.body();
    }
}
