package app.rekindle.query.onthisday;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.events.GestureKind;
import app.rekindle.events.JournalEvent;
import app.rekindle.events.JournalEvent.CheckedIn;
import app.rekindle.events.JournalEvent.EntryAmended;
import app.rekindle.events.JournalEvent.EntryRetracted;
import app.rekindle.events.JournalEvent.GestureLogged;
import app.rekindle.query.QueryServiceTest;
import app.rekindle.query.TestApi;
import app.rekindle.query.TestJournal;
import app.rekindle.query.projection.Projector;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A random journal of two years with entries moved to other days and retracted; on-this-day, read page after
 * page, answers exactly the entries the timeline API holds on that day of the month before the date, in the
 * timeline's order, each under its own day.
 */
class OnThisDayAgreesWithTimelineTest extends QueryServiceTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Autowired
    Projector projector;

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 100})
    void every_page_of_on_this_day_agrees_with_the_timeline(int limit) {
        TestJournal journal = new TestJournal("alice-" + UUID.randomUUID());
        write(journal, new Random(limit));
        TestApi api = new TestApi(port);
        List<JsonNode> timeline = pages(api, journal, "/timeline?limit=100", "entries");
        int matched = 0;

        for (String date : List.of("2026-03-15", "2026-03-31", "2025-07-15", "2026-04-01", "2024-02-29")) {
            LocalDate day = LocalDate.parse(date);
            List<JsonNode> expected = timeline.stream()
                    .filter(e -> day(e).getDayOfMonth() == day.getDayOfMonth() && day(e).isBefore(day))
                    .toList();
            List<JsonNode> groups = pages(api, journal, "/on-this-day?date=" + date + "&limit=" + limit, "groups");
            List<JsonNode> answered = new ArrayList<>();
            for (JsonNode group : groups) {
                for (JsonNode entry : group.get("entries")) {
                    assertThat(day(entry))
                            .isEqualTo(LocalDate.parse(group.get("day").asString()));
                    answered.add(entry);
                }
            }

            assertThat(answered).as(date).isEqualTo(expected);
            matched += expected.size();
        }
        assertThat(matched)
                .as("entries the dates find, so the agreement is not an empty one")
                .isGreaterThan(100);
    }

    /** 300 entries, half of them on the 15th or the 31st, from 2024 to March 2026, with corrections. */
    private void write(TestJournal journal, Random random) {
        apply(journal, journal.opened());
        List<UUID> open = new ArrayList<>();
        Set<UUID> retracted = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            Instant at = randomInstant(random);
            UUID entry = UUID.randomUUID();
            apply(
                    journal,
                    random.nextBoolean()
                            ? new CheckedIn(journal.id, entry, 3, 3, "n" + i, at, at)
                            : new GestureLogged(journal.id, entry, GestureKind.SMALL_GESTURE, "g" + i, at, at));
            open.add(entry);
            UUID earlier = open.get(random.nextInt(open.size()));
            if (retracted.contains(earlier)) {
                continue;
            }
            switch (random.nextInt(6)) {
                case 0 -> {
                    apply(journal, new EntryRetracted(journal.id, earlier, "r", at, at));
                    retracted.add(earlier);
                }
                case 1 ->
                    apply(
                            journal,
                            new EntryAmended(
                                    journal.id,
                                    earlier,
                                    Map.of("occurredAt", randomInstant(random).toString()),
                                    "moved",
                                    at,
                                    at));
                default -> {}
            }
        }
    }

    private static Instant randomInstant(Random random) {
        LocalDate month = LocalDate.of(2024, 1, 1).plusMonths(random.nextInt(27));
        int dayOfMonth =
                switch (random.nextInt(4)) {
                    case 0 -> 15;
                    case 1 -> month.lengthOfMonth();
                    default -> 1 + random.nextInt(month.lengthOfMonth());
                };
        // Minutes around midnight too, where the day in Berlin is not the day in UTC.
        return month.withDayOfMonth(dayOfMonth)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant()
                .plusSeconds(60L * (random.nextInt(24 * 60 + 120) - 120));
    }

    private static List<JsonNode> pages(TestApi api, TestJournal journal, String read, String items) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            var response = api.get(
                    "/journals/" + journal.id + read + (cursor == null ? "" : "&cursor=" + cursor), journal.owner);
            assertThat(response.status()).as(response.raw()).isEqualTo(200);
            JsonNode page = response.body();
            page.get(items).forEach(all::add);
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asString();
        } while (cursor != null);
        return all;
    }

    private static LocalDate day(JsonNode entry) {
        return Instant.parse(entry.get("occurredAt").asString()).atZone(BERLIN).toLocalDate();
    }

    private void apply(TestJournal journal, JournalEvent event) {
        assertThat(projector.apply(journal.publish(event))).isEqualTo(Projector.Outcome.APPLIED);
    }
}
