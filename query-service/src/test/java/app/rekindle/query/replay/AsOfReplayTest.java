package app.rekindle.query.replay;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.events.JournalEvent.CheckedIn;
import app.rekindle.events.Step;
import app.rekindle.query.QueryServiceTest;
import app.rekindle.query.TestApi;
import app.rekindle.query.TestJournal;
import app.rekindle.query.projection.Incoming;
import app.rekindle.query.projection.Projector;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

class AsOfReplayTest extends QueryServiceTest {

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
    void progress_as_of_an_instant_shows_a_step_completed_later_as_in_progress() {
        apply(journal.started(Step.COMMUNICATE_OPENLY));
        var talk = journal.conversation("Holidays");
        apply(talk);
        var completed = journal.completed(Step.COMMUNICATE_OPENLY, "We talk weekly");
        apply(completed);

        JsonNode before =
                get("/progress?asOf=" + talk.recordedAt()).get("steps").get(1);
        JsonNode after =
                get("/progress?asOf=" + completed.recordedAt()).get("steps").get(1);

        assertThat(before.get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(before.get("entryCount").asInt()).isEqualTo(1);
        assertThat(before.get("completedAt").isNull()).isTrue();
        assertThat(after.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(after.get("summary").asString()).isEqualTo("We talk weekly");
        assertThat(get("/progress?asOf=" + talk.recordedAt()).get("version").asLong())
                .isEqualTo(2);
    }

    @Test
    void timeline_as_of_shows_text_before_a_later_amendment_and_entries_retracted_later() {
        var talk = journal.conversation("Holidays");
        apply(talk);
        var gesture = journal.gesture("Flowers");
        apply(gesture);
        var amended = journal.amended(talk.entryId(), Map.of("topic", "Summer holidays"), "typo");
        apply(amended);
        var retracted = journal.retracted(gesture.entryId(), "logged twice");
        apply(retracted);

        JsonNode then = get("/timeline?asOf=" + gesture.recordedAt()).get("entries");
        JsonNode now = get("/timeline?asOf=" + retracted.recordedAt()).get("entries");

        assertThat(then).hasSize(2);
        assertThat(entry(then, talk.entryId()).get("fields").get("topic").asString())
                .isEqualTo("Holidays");
        assertThat(entry(then, talk.entryId()).get("revision").asInt()).isEqualTo(1);
        assertThat(entry(then, gesture.entryId()).get("retracted").asBoolean()).isFalse();
        assertThat(now).hasSize(1);
        assertThat(entry(now, talk.entryId()).get("fields").get("topic").asString())
                .isEqualTo("Summer holidays");
    }

    @Test
    void two_events_in_the_same_second_are_told_apart_by_sequence() {
        Instant second = Instant.parse("2026-03-05T12:00:00Z");
        var first = new CheckedIn(
                journal.id, UUID.randomUUID(), 2, 2, "first", second.plusMillis(100), second.plusMillis(100));
        var later = new CheckedIn(
                journal.id, UUID.randomUUID(), 4, 4, "second", second.plusMillis(700), second.plusMillis(700));
        apply(first);
        apply(later);

        assertThat(get("/timeline?asOf=" + second.plusMillis(500)).get("entries"))
                .hasSize(1);
        assertThat(get("/timeline?asOf=" + second.plusMillis(500))
                        .get("version")
                        .asLong())
                .isEqualTo(1);
        assertThat(get("/timeline?asOf=" + second.plusMillis(700)).get("entries"))
                .hasSize(2);
    }

    @Test
    void an_event_stamped_before_the_ones_ahead_of_it_counts_from_its_own_instant_singly_and_in_a_batch() {
        Instant ninth = Instant.parse("2026-03-09T10:00:00Z");
        Instant second = Instant.parse("2026-03-02T10:00:00Z");
        apply(new CheckedIn(journal.id, UUID.randomUUID(), 3, 3, "fast clock", ninth, ninth));
        apply(new CheckedIn(journal.id, UUID.randomUUID(), 3, 3, "clock set back", second, second));
        var events = java.util.stream.Stream.of(
                        new CheckedIn(
                                journal.id,
                                UUID.randomUUID(),
                                3,
                                3,
                                "fast",
                                ninth.plusSeconds(3600),
                                ninth.plusSeconds(3600)),
                        new CheckedIn(
                                journal.id,
                                UUID.randomUUID(),
                                3,
                                3,
                                "back",
                                second.plusSeconds(3600),
                                second.plusSeconds(3600)))
                .map(event -> Incoming.direct(journal.publish(event)))
                .toList();
        assertThat(projector.applyAllUncounted(events).outcomes()).containsOnly(Projector.Outcome.APPLIED);

        // The last event recorded by the instant, whatever was recorded later but logged before it.
        assertThat(get("/progress?asOf=2026-03-01T12:00:00Z").get("version").asLong())
                .isZero();
        assertThat(get("/progress?asOf=2026-03-02T10:30:00Z").get("version").asLong())
                .isEqualTo(2);
        assertThat(get("/progress?asOf=2026-03-05T00:00:00Z").get("version").asLong())
                .isEqualTo(4);
        assertThat(get("/timeline?asOf=2026-03-05T00:00:00Z").get("entries")).hasSize(4);
    }

    @Test
    void entries_moved_later_or_back_dated_show_as_of_every_version_in_their_place() {
        var first = journal.checkIn("first");
        var second = journal.checkIn("second");
        apply(first);
        apply(second);
        var moved = journal.amended(first.entryId(), Map.of("occurredAt", "2026-03-20T10:00:00Z"), "later");
        apply(moved);
        Instant now = journal.tick();
        var backDated = new CheckedIn(
                journal.id, UUID.randomUUID(), 3, 3, "back-dated", Instant.parse("2026-02-20T10:00:00Z"), now);
        apply(backDated);

        assertThat(ids("/timeline?asOf=" + first.recordedAt())).containsExactly(first.entryId());
        assertThat(ids("/timeline?asOf=" + second.recordedAt())).containsExactly(second.entryId(), first.entryId());
        assertThat(ids("/timeline?asOf=" + moved.recordedAt())).containsExactly(first.entryId(), second.entryId());
        assertThat(ids("/timeline?asOf=" + now))
                .containsExactly(first.entryId(), second.entryId(), backDated.entryId());
        assertThat(ids("/timeline?limit=2&asOf=" + now)).containsExactly(first.entryId(), second.entryId());
    }

    private java.util.List<UUID> ids(String path) {
        return get(path)
                .get("entries")
                .valueStream()
                .map(entry -> UUID.fromString(entry.get("entryId").asString()))
                .toList();
    }

    @Test
    void as_of_now_agrees_with_the_live_views_field_for_field() {
        for (Step step : Step.values()) {
            apply(journal.started(step));
        }
        var date = journal.date("Picnic", Instant.parse("2026-04-01T18:00:00Z"));
        var cancelled = journal.date("Cinema", Instant.parse("2026-04-08T18:00:00Z"));
        var reflection = journal.reflection("We drifted");
        var talk = journal.conversation("Money");
        for (var logged : new app.rekindle.events.JournalEvent[] {
            date,
            cancelled,
            reflection,
            talk,
            journal.activity("Board games"),
            journal.personalTime("Climbing"),
            journal.checkIn("ok")
        }) {
            apply(logged);
        }
        // Real clocks have nanoseconds; PostgreSQL keeps microseconds, rounded.
        Instant nanos = Instant.parse("2026-03-09T10:00:00.123456789Z");
        apply(new CheckedIn(journal.id, UUID.randomUUID(), 2, 5, "precise", nanos, nanos.plusNanos(321)));
        apply(journal.happened(date.entryId(), 5, "Sunset"));
        apply(journal.cancelled(cancelled.entryId(), "Rain"));
        apply(journal.amended(date.entryId(), Map.of("plannedFor", "2026-04-02T18:30:00.123456Z"), "moved"));
        apply(journal.amended(talk.entryId(), Map.of("feltHeard", 2, "notes", "Tense"), "honest"));
        apply(journal.retracted(reflection.entryId(), "not now"));
        apply(journal.completed(Step.COMMUNICATE_OPENLY, "done"));
        apply(journal.reopened(Step.COMMUNICATE_OPENLY, "again"));

        String asOf = "asOf=" + Instant.parse("2030-01-01T00:00:00Z");
        assertThat(get("/timeline?includeRetracted=true&limit=100&" + asOf))
                .isEqualTo(get("/timeline?includeRetracted=true&limit=100"));
        assertThat(get("/timeline?step=rekindle-romance&q=picnic&" + asOf))
                .isEqualTo(get("/timeline?step=rekindle-romance&q=picnic"));
        assertThat(get("/progress?" + asOf)).isEqualTo(get("/progress"));
    }

    @Test
    void pages_as_of_an_instant_walk_every_entry_once() {
        for (int i = 0; i < 7; i++) {
            apply(journal.checkIn("note " + i));
        }
        String asOf = "asOf=" + Instant.parse("2030-01-01T00:00:00Z");
        JsonNode first = get("/timeline?limit=4&" + asOf);
        JsonNode second =
                get("/timeline?limit=4&cursor=" + first.get("nextCursor").asString() + "&" + asOf);

        assertThat(first.get("entries")).hasSize(4);
        assertThat(second.get("entries")).hasSize(3);
        assertThat(second.get("nextCursor").isNull()).isTrue();
        assertThat(second.get("entries"))
                .isEqualTo(get("/timeline?limit=4&cursor="
                                + first.get("nextCursor").asString())
                        .get("entries"));
    }

    @Test
    void a_journal_projected_in_one_batch_answers_as_of_every_version_inside_it() {
        var talk = journal.conversation("Holidays");
        var started = journal.started(Step.COMMUNICATE_OPENLY);
        var retracted = journal.retracted(talk.entryId(), "wrong journal");
        var again = journal.conversation("Holidays, really");
        var completed = journal.completed(Step.COMMUNICATE_OPENLY, "done");
        var events = java.util.stream.Stream.of(talk, started, retracted, again, completed)
                .map(event -> Incoming.direct(journal.publish(event)))
                .toList();
        assertThat(projector.applyAllUncounted(events).outcomes()).containsOnly(Projector.Outcome.APPLIED);

        JsonNode afterTalk =
                get("/progress?asOf=" + talk.recordedAt()).get("steps").get(1);
        JsonNode afterRetraction =
                get("/progress?asOf=" + retracted.recordedAt()).get("steps").get(1);
        JsonNode afterAgain =
                get("/progress?asOf=" + again.recordedAt()).get("steps").get(1);

        assertThat(afterTalk.get("status").asString()).isEqualTo("NOT_STARTED");
        assertThat(afterTalk.get("entryCount").asInt()).isEqualTo(1);
        assertThat(afterRetraction.get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(afterRetraction.get("entryCount").asInt()).isZero();
        assertThat(afterRetraction.get("lastEntryAt").isNull()).isTrue();
        assertThat(afterAgain.get("entryCount").asInt()).isEqualTo(1);
        assertThat(afterAgain.get("lastEntryAt").asString())
                .isEqualTo(again.occurredAt().toString());
        assertThat(get("/progress?asOf=" + completed.recordedAt())
                        .get("steps")
                        .get(1)
                        .get("status")
                        .asString())
                .isEqualTo("COMPLETED");
        assertThat(get("/timeline?asOf=" + talk.recordedAt()).get("entries")).hasSize(1);
        assertThat(get("/timeline?asOf=" + retracted.recordedAt()).get("entries"))
                .isEmpty();
        assertThat(get("/timeline?includeRetracted=true&asOf=" + again.recordedAt())
                        .get("entries"))
                .hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"asOf=yesterday", "asOf=", "asOf=2020-01-01T00:00:00Z", "asOf=2030-01-01T00:00:00Z&limit=0"})
    void bad_as_of_parameters_are_400_naming_the_parameter(String query) {
        for (String view : new String[] {"/timeline?", "/progress?"}) {
            var response = api.get("/journals/" + journal.id + view + query, journal.owner);
            if (view.equals("/progress?") && query.contains("limit")) {
                continue;
            }
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(response.body().get("errors").get(0).get("field").asString())
                    .isEqualTo(query.substring(query.lastIndexOf('&') + 1, query.lastIndexOf('=')));
        }
    }

    @Test
    void someone_elses_journal_as_of_answers_like_a_missing_one() {
        String asOf = "?asOf=2030-01-01T00:00:00Z";
        var foreign = api.get("/journals/" + journal.id + "/progress" + asOf, "mallory");
        var missing = api.get("/journals/" + UUID.randomUUID() + "/progress" + asOf, "mallory");

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.raw()).isEqualTo(missing.raw());
    }

    private void apply(app.rekindle.events.JournalEvent event) {
        assertThat(projector.apply(journal.publish(event))).isEqualTo(Projector.Outcome.APPLIED);
    }

    private JsonNode get(String path) {
        var response = api.get("/journals/" + journal.id + path, journal.owner);
        assertThat(response.status()).as(path + ": " + response.raw()).isEqualTo(200);
        return response.body();
    }

    private static JsonNode entry(JsonNode entries, UUID entryId) {
        return entries.valueStream()
                .filter(e -> e.get("entryId").asString().equals(entryId.toString()))
                .findFirst()
                .orElseThrow();
    }
}
