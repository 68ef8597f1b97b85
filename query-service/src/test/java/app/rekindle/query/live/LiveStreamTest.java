package app.rekindle.query.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.rekindle.events.JournalEvent;
import app.rekindle.query.QueryServiceTest;
import app.rekindle.query.TestApi;
import app.rekindle.query.TestJournal;
import app.rekindle.query.projection.Projector;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

class LiveStreamTest extends QueryServiceTest {

    @Autowired
    Projector projector;

    @LocalServerPort
    int port;

    TestJournal journal;

    @BeforeEach
    void journal_of_alice() {
        journal = new TestJournal("alice-" + UUID.randomUUID());
        apply(journal.opened());
    }

    @Test
    void new_events_are_pushed_with_the_journal_sequence_as_event_id() {
        try (SseClient live = new SseClient(port, path(), journal.owner, null)) {
            assertThat(live.status()).isEqualTo(200);
            assertThat(live.contentType()).startsWith("text/event-stream");
            apply(journal.checkIn("first"));
            apply(journal.gesture("Flowers"));

            await().atMost(Duration.ofSeconds(10)).until(() -> live.events().size() >= 2);

            assertThat(live.events()).extracting(SseClient.Event::id).containsExactly("1", "2");
            assertThat(live.events()).extracting(SseClient.Event::name).containsExactly("checked-in", "gesture-logged");
            assertThat(live.events().get(1).data()).contains("\"sequence\":2").contains("Flowers");
        }
    }

    @Test
    void reconnecting_with_last_event_id_replays_what_was_missed_then_goes_on() {
        apply(journal.checkIn("seen"));
        apply(journal.checkIn("missed one"));
        apply(journal.checkIn("missed two"));

        try (SseClient live = new SseClient(port, path(), journal.owner, "1")) {
            await().atMost(Duration.ofSeconds(10)).until(() -> live.events().size() >= 2);
            apply(journal.checkIn("after reconnecting"));
            await().atMost(Duration.ofSeconds(10)).until(() -> live.events().size() >= 3);

            assertThat(live.events()).extracting(SseClient.Event::id).containsExactly("2", "3", "4");
            assertThat(live.events().get(0).data()).contains("missed one");
        }
    }

    @Test
    void someone_elses_stream_answers_like_a_missing_journal() {
        TestApi api = new TestApi(port);
        var foreign = api.get(path(), "mallory");
        var missing = api.get("/journals/" + UUID.randomUUID() + "/live", "mallory");

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.raw()).isEqualTo(missing.raw());
        try (SseClient stream = new SseClient(port, path(), "mallory", null)) {
            assertThat(stream.status()).isEqualTo(404);
        }
    }

    @Test
    void a_last_event_id_that_is_not_a_sequence_is_400() {
        try (SseClient stream = new SseClient(port, path(), journal.owner, "yesterday")) {
            assertThat(stream.status()).isEqualTo(400);
        }
    }

    @Test
    void a_last_event_id_at_the_end_of_the_sequence_range_opens_a_quiet_stream_and_answers_no_500() {
        try (SseClient stream = new SseClient(port, path(), journal.owner, Long.toString(Long.MAX_VALUE))) {
            assertThat(stream.status()).isEqualTo(200);
            apply(journal.checkIn("after"));
            // Nothing after the last possible sequence: the stream stays open and quiet but for heartbeats.
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> stream.lines().stream().anyMatch(line -> line.contains("heartbeat")));
            assertThat(stream.events()).isEmpty();
        }
        try (SseClient stream = new SseClient(port, path(), journal.owner, "99999999999999999999")) {
            assertThat(stream.status()).isEqualTo(400);
        }
    }

    private String path() {
        return "/journals/" + journal.id + "/live";
    }

    private void apply(JournalEvent event) {
        assertThat(projector.apply(journal.publish(event))).isEqualTo(Projector.Outcome.APPLIED);
    }
}
