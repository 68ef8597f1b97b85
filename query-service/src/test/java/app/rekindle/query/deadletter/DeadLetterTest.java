package app.rekindle.query.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.rekindle.events.CloudEventsKafka;
import app.rekindle.events.PublishedEvent;
import app.rekindle.query.QueryServiceTest;
import app.rekindle.query.TestApi;
import app.rekindle.query.TestJournal;
import app.rekindle.query.TestProducer;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Duration;
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

/**
 * Real Kafka in, HTTP out. The poison event: an amendment of an entry the journal never logged, which the
 * timeline cannot apply; the "fix" an operator makes before retrying is the missing entry row.
 */
class DeadLetterTest extends QueryServiceTest {

    static KafkaProducer<String, byte[]> producer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

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
    void a_poison_event_is_parked_its_journal_waits_in_order_others_carry_on_and_a_retry_applies_all() {
        TestJournal journal = new TestJournal("dl-" + UUID.randomUUID());
        TestJournal other = new TestJournal("dl-" + UUID.randomUUID());
        UUID unknownEntry = UUID.randomUUID();
        send(
                journal.publish(journal.opened()),
                other.publish(other.opened()),
                journal.publish(journal.checkIn("one")),
                journal.publish(journal.amended(unknownEntry, Map.of("note", "better"), "typo")),
                journal.publish(journal.checkIn("two")),
                journal.publish(journal.checkIn("three")),
                other.publish(other.checkIn("elsewhere")));

        await().atMost(Duration.ofSeconds(60)).until(() -> statuses(journal.id).size() == 3);
        assertThat(statuses(journal.id))
                .containsExactly(
                        Map.of("sequence", 2L, "status", "PARKED"),
                        Map.of("sequence", 3L, "status", "WAITING_BEHIND"),
                        Map.of("sequence", 4L, "status", "WAITING_BEHIND"));
        await().atMost(Duration.ofSeconds(30)).until(() -> lastSequence(other.id) == 1);
        assertThat(lastSequence(journal.id)).isEqualTo(1);
        TestApi api = new TestApi(port);
        assertThat(api.get("/journals/" + journal.id + "/timeline", journal.owner)
                        .header("Rekindle-View-Stale"))
                .isEqualTo("true");
        assertThat(meters.get("rekindle.projection.dead_letters")
                        .tag("status", "PARKED")
                        .gauge()
                        .value())
                .isGreaterThanOrEqualTo(1);
        assertThat(meters.get("rekindle.projection.dead_letters.parked")
                        .counter()
                        .count())
                .isGreaterThanOrEqualTo(1);
        TestApi.Response listed = api.get("/admin/dead-letters?status=PARKED", ADMIN);
        assertThat(listed.status()).isEqualTo(200);
        long parked = listed.body()
                .valueStream()
                .filter(row -> row.get("journalId").asString().equals(journal.id.toString()))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asLong();
        assertThat(api.post("/admin/dead-letters/" + parked + "/retry", null, ADMIN)
                        .status())
                .isEqualTo(409);

        // The operator repairs what the event needs, then retries it.
        jdbc.sql("""
                        insert into timeline_entry (entry_id, journal_id, kind, occurred_at, recorded_at, fields, revision)
                        values (:entry, :journal, 'CHECK_IN', :at, :at, '{}'::jsonb, 1)""")
                .param("entry", unknownEntry)
                .param("journal", journal.id)
                .param("at", Timestamp.from(TestJournal.START))
                .update();
        TestApi.Response retried = api.post("/admin/dead-letters/" + parked + "/retry", null, ADMIN);

        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.body().get("status").asString()).isEqualTo("APPLIED");
        assertThat(statuses(journal.id))
                .extracting(row -> row.get("status"))
                .containsExactly("APPLIED", "APPLIED", "APPLIED");
        assertThat(lastSequence(journal.id)).isEqualTo(4);
        TestApi.Response progress = api.get("/journals/" + journal.id + "/progress", journal.owner);
        assertThat(progress.header("Rekindle-View-Stale")).isNull();
        assertThat(progress.body().get("version").asLong()).isEqualTo(4);
        assertThat(meters.get("rekindle.projection.dead_letters.retried")
                        .counter()
                        .count())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void a_parked_event_skipped_with_a_reason_lets_the_journal_move_on_marked_stale() {
        TestJournal journal = new TestJournal("dl-" + UUID.randomUUID());
        send(
                journal.publish(journal.opened()),
                journal.publish(journal.amended(UUID.randomUUID(), Map.of("note", "x"), "typo")),
                journal.publish(journal.checkIn("after")));
        await().atMost(Duration.ofSeconds(60)).until(() -> statuses(journal.id).size() == 2);
        long parked = jdbc.sql("select id from dead_letter where journal_id = :id and status = 'PARKED'")
                .param("id", journal.id)
                .query(Long.class)
                .single();
        TestApi api = new TestApi(port);

        TestApi.Response noReason = api.post("/admin/dead-letters/" + parked + "/skip", "{}", ADMIN);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(noReason.body().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        assertThat(api.post("/admin/dead-letters/" + parked + "/skip", "{\"reason\":\"x\"}", "someone")
                        .status())
                .isEqualTo(403);
        assertThat(api.post("/admin/dead-letters/999999999/skip", "{\"reason\":\"x\"}", ADMIN)
                        .status())
                .isEqualTo(404);
        assertThat(statuses(journal.id).getFirst()).containsEntry("status", "PARKED");

        TestApi.Response skipped = api.post(
                "/admin/dead-letters/" + parked + "/skip",
                "{\"reason\":\"amends an entry that was never logged\"}",
                ADMIN);

        assertThat(skipped.status()).isEqualTo(200);
        assertThat(skipped.body().get("status").asString()).isEqualTo("SKIPPED");
        assertThat(skipped.body().get("skipReason").asString()).isEqualTo("amends an entry that was never logged");
        assertThat(skipped.body().get("resolvedBy").asString()).isEqualTo(ADMIN);
        assertThat(lastSequence(journal.id)).isEqualTo(2);
        TestApi.Response timeline = api.get("/journals/" + journal.id + "/timeline", journal.owner);
        assertThat(timeline.body().get("entries")).hasSize(1);
        assertThat(timeline.header("Rekindle-View-Stale")).isEqualTo("true");
        assertThat(meters.get("rekindle.projection.dead_letters.skipped")
                        .counter()
                        .count())
                .isGreaterThanOrEqualTo(1);
        assertThat(api.post("/admin/dead-letters/" + parked + "/retry", null, ADMIN)
                        .status())
                .isEqualTo(409);
    }

    private List<Map<String, Object>> statuses(UUID journalId) {
        return jdbc.sql("select sequence, status from dead_letter where journal_id = :id order by sequence")
                .param("id", journalId)
                .query()
                .listOfRows();
    }

    private long lastSequence(UUID journalId) {
        return jdbc.sql("select coalesce(max(last_sequence), -1) from journal_position where journal_id = :id")
                .param("id", journalId)
                .query(Long.class)
                .single();
    }

    private static void send(PublishedEvent... events) {
        for (PublishedEvent published : events) {
            producer.send(CloudEventsKafka.toRecord(TOPIC, published));
        }
        producer.flush();
    }
}
