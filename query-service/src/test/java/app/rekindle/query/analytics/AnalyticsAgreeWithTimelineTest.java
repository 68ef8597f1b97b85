package app.rekindle.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.rekindle.events.ConversationOutcome;
import app.rekindle.events.JournalEvent;
import app.rekindle.query.QueryServiceTest;
import app.rekindle.query.TestApi;
import app.rekindle.query.TestJournal;
import app.rekindle.query.projection.Projector;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A random journal with amendments and retractions; every number is recomputed from the timeline API. */
class AnalyticsAgreeWithTimelineTest extends QueryServiceTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Autowired
    Projector projector;

    @LocalServerPort
    int port;

    @Test
    void analytics_agree_with_numbers_computed_from_the_timeline() {
        TestJournal journal = new TestJournal("alice-" + UUID.randomUUID());
        RandomJournal.write(journal, new Random(7), event -> apply(journal, event));
        TestApi api = new TestApi(port);
        List<JsonNode> timeline = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get(
                            "/journals/" + journal.id + "/timeline?limit=100"
                                    + (cursor == null ? "" : "&cursor=" + cursor),
                            journal.owner)
                    .body();
            page.get("entries").forEach(timeline::add);
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asString();
        } while (cursor != null);
        JsonNode analytics = api.get("/journals/" + journal.id + "/analytics?bucket=WEEK", journal.owner)
                .body();

        assertThat(analytics.get("entries").asInt()).isEqualTo(timeline.size());
        for (String kind :
                List.of("REFLECTION", "CONVERSATION", "GESTURE", "DATE", "ACTIVITY", "PERSONAL_TIME", "CHECK_IN")) {
            assertThat(analytics.get("entriesByKind").get(kind).asInt())
                    .as(kind)
                    .isEqualTo(count(timeline, kind));
        }
        assertThat(analytics.get("entriesByStep").get("rekindle-romance").asInt())
                .isEqualTo(count(timeline, "DATE"));
        List<JsonNode> talks = of(timeline, "CONVERSATION");
        for (ConversationOutcome outcome : ConversationOutcome.values()) {
            assertThat(analytics
                            .get("conversations")
                            .get("outcomes")
                            .get(outcome.name())
                            .asInt())
                    .isEqualTo(talks.stream()
                            .filter(t -> field(t, "outcome").equals(outcome.name()))
                            .count());
        }
        assertThat(analytics.get("conversations").get("initiatedBy").get("ME").asInt())
                .isEqualTo(talks.stream()
                        .filter(t -> field(t, "initiatedBy").equals("ME"))
                        .count());
        List<JsonNode> personal = of(timeline, "PERSONAL_TIME");
        assertThat(analytics.get("togetherness").get("mine").get("minutes").asInt())
                .isEqualTo(personal.stream()
                        .filter(p -> field(p, "whose").equals("MINE"))
                        .mapToInt(p -> p.get("fields").get("minutes").asInt())
                        .sum());
        assertThat(analytics.get("togetherness").get("partners").get("count").asInt())
                .isEqualTo(personal.stream()
                        .filter(p -> field(p, "whose").equals("PARTNERS"))
                        .count());
        List<JsonNode> happened = of(timeline, "DATE").stream()
                .filter(d -> field(d, "status").equals("HAPPENED"))
                .toList();
        assertThat(analytics.get("togetherness").get("together").asInt())
                .isEqualTo(count(timeline, "ACTIVITY") + happened.size());
        assertThat(analytics.get("dates").get("ratingAverage").asDouble())
                .isCloseTo(
                        happened.stream()
                                .mapToInt(d -> d.get("fields").get("rating").asInt())
                                .average()
                                .orElseThrow(),
                        within(1e-9));

        TreeMap<LocalDate, List<Integer>> moodByWeek = new TreeMap<>();
        for (JsonNode checkIn : of(timeline, "CHECK_IN")) {
            LocalDate week = day(checkIn).with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
            moodByWeek
                    .computeIfAbsent(week, w -> new ArrayList<>())
                    .add(checkIn.get("fields").get("mood").asInt());
        }
        for (JsonNode period : analytics.get("periods")) {
            List<Integer> moods =
                    moodByWeek.get(LocalDate.parse(period.get("start").asString()));
            if (moods == null) {
                assertThat(period.get("moodAverage").isNull()).isTrue();
            } else {
                assertThat(period.get("moodAverage").asDouble())
                        .isCloseTo(moods.stream().mapToInt(i -> i).average().orElseThrow(), within(1e-9));
            }
        }
        assertThat(analytics.get("periods").size()).isGreaterThanOrEqualTo(moodByWeek.size());
        TreeSet<LocalDate> days = new TreeSet<>(timeline.stream()
                .map(AnalyticsAgreeWithTimelineTest::day)
                .filter(d -> !d.isAfter(LocalDate.now(BERLIN)))
                .toList());
        assertThat(analytics.get("streaks").get("longest").asInt()).isEqualTo(longestRun(days));
    }

    private void apply(TestJournal journal, JournalEvent event) {
        assertThat(projector.apply(journal.publish(event))).isEqualTo(Projector.Outcome.APPLIED);
    }

    private static int count(List<JsonNode> timeline, String kind) {
        return of(timeline, kind).size();
    }

    private static List<JsonNode> of(List<JsonNode> timeline, String kind) {
        return timeline.stream()
                .filter(e -> e.get("kind").asString().equals(kind))
                .toList();
    }

    private static String field(JsonNode entry, String name) {
        return entry.get("fields").get(name).asString();
    }

    private static LocalDate day(JsonNode entry) {
        return Instant.parse(entry.get("occurredAt").asString()).atZone(BERLIN).toLocalDate();
    }

    private static int longestRun(TreeSet<LocalDate> days) {
        int longest = 0;
        int run = 0;
        LocalDate previous = null;
        for (LocalDate day : days) {
            run = previous != null && previous.plusDays(1).equals(day) ? run + 1 : 1;
            longest = Math.max(longest, run);
            previous = day;
        }
        return longest;
    }
}
