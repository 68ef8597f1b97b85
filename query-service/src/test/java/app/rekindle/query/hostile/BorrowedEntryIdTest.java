package app.rekindle.query.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.rekindle.events.CloudEventsKafka;
import app.rekindle.events.JournalEvent.ReflectionLogged;
import app.rekindle.events.PublishedEvent;
import app.rekindle.events.Step;
import app.rekindle.query.QueryServiceTest;
import app.rekindle.query.TestApi;
import app.rekindle.query.TestJournal;
import app.rekindle.query.TestProducer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A batch lets its sender choose entry ids, and the command side checks them only within the journal (telling
 * anyone whether an id is taken elsewhere would tell them another journal exists). So a second person may log,
 * amend and retract an entry under the id of someone else's entry: each journal's views must then hold exactly
 * its own entries, neither journal waiting behind a parked event and the first person's entry untouched.
 */
class BorrowedEntryIdTest extends QueryServiceTest {

    private static final String ANALYTICS = "/analytics?from=2026-01-01&to=2026-04-30&bucket=MONTH";

    static KafkaProducer<String, byte[]> producer;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @BeforeAll
    static void producer() {
        producer = TestProducer.toSharedBroker();
    }

    @AfterAll
    static void close() {
        producer.close();
    }

    @Test
    void an_entry_id_taken_in_another_journal_is_a_new_entry_of_its_own_journal_in_every_view() {
        TestJournal alice = new TestJournal("alice-" + UUID.randomUUID());
        TestJournal bob = new TestJournal("bob-" + UUID.randomUUID());
        UUID shared = UUID.randomUUID();
        send(alice.publish(alice.opened()));
        send(alice.publish(alice.started(Step.REFLECT_ON_THE_PAST)));
        send(alice.publish(reflection(alice, shared, "Alice's own words")));
        send(alice.publish(alice.checkIn("Alice checks in")));
        TestApi.Response alicesEntry = readWhenCaughtUp(alice, "/entries/" + shared, alice.version());

        send(bob.publish(bob.opened()));
        send(bob.publish(bob.started(Step.REFLECT_ON_THE_PAST)));
        send(bob.publish(reflection(bob, shared, "Bob's words")));
        var amended = bob.amended(
                shared, Map.of("text", "Bob's second thoughts", "occurredAt", "2026-02-10T12:00:00Z"), "moved");
        send(bob.publish(amended));
        long amendedVersion = bob.version();
        send(bob.publish(bob.checkIn("Bob checks in")));
        var retracted = bob.retracted(shared, "not mine to keep");
        send(bob.publish(retracted));

        // Bob's views caught up with every event: none of them parked, nothing waits behind one.
        JsonNode bobsTimeline = readWhenCaughtUp(bob, "/timeline?includeRetracted=true", bob.version())
                .body();
        assertThat(bobsTimeline.get("entries").valueStream().map(BorrowedEntryIdTest::text))
                .containsExactly("Bob checks in", "Bob's second thoughts");
        JsonNode bobsEntry =
                readWhenCaughtUp(bob, "/entries/" + shared, bob.version()).body();
        assertThat(bobsEntry.get("entry").get("retracted").asBoolean()).isTrue();
        assertThat(bobsEntry.get("revisions").valueStream().map(BorrowedEntryIdTest::text))
                .containsExactly("Bob's words", "Bob's second thoughts");
        assertThat(entryTexts(get(bob, "/timeline?asOf=" + amended.recordedAt())))
                .containsExactly("Bob's second thoughts");
        assertThat(get(bob, "/timeline?asOf=" + amended.recordedAt())
                        .get("version")
                        .asLong())
                .isEqualTo(amendedVersion);
        assertThat(reflectionsCounted(get(bob, "/progress"))).isZero();
        assertThat(reflectionsCounted(get(bob, "/progress?asOf=" + amended.recordedAt())))
                .isOne();
        assertThat(counted(get(bob, ANALYTICS))).isEqualTo(Map.of("entries", 1, "REFLECTION", 0, "CHECK_IN", 1));
        assertThat(get(bob, "/on-this-day?date=2026-03-10").get("groups")).isEmpty();
        assertThat(get(bob, "/on-this-day?date=2026-04-01")
                        .get("groups")
                        .valueStream()
                        .flatMap(group -> group.get("entries").valueStream())
                        .map(BorrowedEntryIdTest::text))
                .containsExactly("Bob checks in");

        // Alice's views: her entry as it was before Bob's events, in every view.
        assertThat(readWhenCaughtUp(alice, "/entries/" + shared, alice.version())
                        .body())
                .isEqualTo(alicesEntry.body());
        assertThat(entryTexts(get(alice, "/timeline?includeRetracted=true")))
                .containsExactly("Alice checks in", "Alice's own words");
        assertThat(entryTexts(get(alice, "/timeline?asOf=" + Instant.now())))
                .containsExactly("Alice checks in", "Alice's own words");
        assertThat(reflectionsCounted(get(alice, "/progress"))).isOne();
        assertThat(counted(get(alice, ANALYTICS))).isEqualTo(Map.of("entries", 2, "REFLECTION", 1, "CHECK_IN", 1));
        assertThat(get(alice, "/on-this-day?date=2026-04-01")
                        .get("groups")
                        .valueStream()
                        .flatMap(group -> group.get("entries").valueStream())
                        .map(BorrowedEntryIdTest::text))
                .containsExactlyInAnyOrder("Alice's own words", "Alice checks in");
        assertThat(jdbc.sql("select count(*) from dead_letter where journal_id in (:ids)")
                        .param("ids", List.of(alice.id, bob.id))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private static ReflectionLogged reflection(TestJournal journal, UUID entryId, String text) {
        Instant at = journal.tick();
        return new ReflectionLogged(
                journal.id, entryId, LocalDate.parse("2026-02-20"), text, "my part", "their part", "a lesson", at, at);
    }

    private static int reflectionsCounted(JsonNode progress) {
        return progress.get("steps").get(0).get("entryCount").asInt();
    }

    /** The entries analytics counts: in all, reflections and check-ins. */
    private static Map<String, Integer> counted(JsonNode analytics) {
        JsonNode byKind = analytics.get("entriesByKind");
        return Map.of(
                "entries",
                analytics.get("entries").asInt(),
                "REFLECTION",
                byKind.has("REFLECTION") ? byKind.get("REFLECTION").asInt() : 0,
                "CHECK_IN",
                byKind.has("CHECK_IN") ? byKind.get("CHECK_IN").asInt() : 0);
    }

    private static List<String> entryTexts(JsonNode page) {
        return page.get("entries").valueStream().map(BorrowedEntryIdTest::text).toList();
    }

    /** A reflection's text or a check-in's note. */
    private static String text(JsonNode entry) {
        JsonNode fields = entry.get("fields");
        return fields.has("text")
                ? fields.get("text").asString()
                : fields.get("note").asString();
    }

    private JsonNode get(TestJournal journal, String view) {
        TestApi.Response response = new TestApi(port).get("/journals/" + journal.id + view, journal.owner);
        assertThat(response.status()).as(view).isEqualTo(200);
        return response.body();
    }

    private void send(PublishedEvent published) {
        producer.send(CloudEventsKafka.toRecord(TOPIC, published));
        producer.flush();
    }

    /** Reads once the view holds the version; a view that waits behind a parked event never gets there. */
    private TestApi.Response readWhenCaughtUp(TestJournal journal, String view, long version) {
        TestApi api = new TestApi(port);
        String separator = view.contains("?") ? "&" : "?";
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> api.get(
                                "/journals/" + journal.id + view + separator + "minVersion=" + version, journal.owner),
                        response -> response.status() == 200);
    }
}
