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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Real Kafka in, HTTP out. The missing event is one the command side never published (its operator skipped it
 * there): it is stamped with its sequence number but never sent, so re-reading the partition cannot find it.
 */
class AcceptedGapTest extends QueryServiceTest {

    private static final String REASON = "skipped on the command side: Kafka refused it for good";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    @Test
    void an_operator_accepts_a_missing_event_for_good_and_what_waited_for_it_is_applied_with_the_journal_stale() {
        TestJournal journal = new TestJournal("gap-" + UUID.randomUUID());
        PublishedEvent opened = journal.publish(journal.opened());
        journal.publish(journal.checkIn("never published"));
        send(opened, journal.publish(journal.checkIn("two")), journal.publish(journal.checkIn("three")));
        await().atMost(Duration.ofSeconds(60)).until(() -> statuses(journal.id).size() == 2);
        assertThat(statuses(journal.id)).containsExactly("WAITING_FOR_GAP", "WAITING_FOR_GAP");
        assertThat(position(journal.id)).containsEntry("last_sequence", 0L).containsEntry("stale", true);
        TestApi api = new TestApi(port);
        String path = "/admin/journal-gaps/" + journal.id + "/accept";

        // Anyone else is refused before the request is looked at, well-formed or not.
        assertThat(api.post(path, "{\"from\":1,\"to\":1,\"reason\":\"x\"}", journal.owner)
                        .status())
                .isEqualTo(403);
        assertThat(api.post("/admin/journal-gaps/not-a-uuid/accept", "[", "someone")
                        .status())
                .isEqualTo(403);
        assertThat(api.post(path, "{\"from\":1}", ADMIN)
                        .body()
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("to");
        assertThat(api.post(path, "{\"from\":1,\"to\":1}", ADMIN)
                        .body()
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("reason");
        assertThat(api.post("/admin/journal-gaps/not-a-uuid/accept", "{}", ADMIN)
                        .body()
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("journalId");
        TestApi.Response tooMuch = api.post(path, "{\"from\":1,\"to\":2,\"reason\":\"x\"}", ADMIN);
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(tooMuch.body().get("type").asString()).endsWith("not-the-gap");
        assertThat(tooMuch.body().get("detail").asString()).contains("1..1");
        assertThat(api.post(
                                "/admin/journal-gaps/" + UUID.randomUUID() + "/accept",
                                "{\"from\":1,\"to\":1,\"reason\":\"x\"}",
                                ADMIN)
                        .status())
                .isEqualTo(404);
        assertThat(statuses(journal.id)).containsExactly("WAITING_FOR_GAP", "WAITING_FOR_GAP");
        assertThat(position(journal.id)).containsEntry("last_sequence", 0L).containsEntry("skipped", 0);

        TestApi.Response accepted = api.post(path, "{\"from\":1,\"to\":1,\"reason\":\"" + REASON + "\"}", ADMIN);

        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.body().get("lastSequence").asLong()).isEqualTo(3);
        assertThat(accepted.body().get("waiting").asInt()).isZero();
        assertThat(accepted.body().get("stale").asBoolean()).isTrue();
        assertThat(accepted.body().get("acceptedBy").asString()).isEqualTo(ADMIN);
        assertThat(accepted.body().get("reason").asString()).isEqualTo(REASON);
        assertThat(statuses(journal.id)).containsExactly("APPLIED", "APPLIED");
        assertThat(position(journal.id))
                .containsEntry("last_sequence", 3L)
                .containsEntry("stale", true)
                .containsEntry("skipped", 1)
                .containsEntry("held", 0)
                .containsEntry("blocked_by", null);
        TestApi.Response timeline = api.get("/journals/" + journal.id + "/timeline", journal.owner);
        assertThat(timeline.body().get("entries")).hasSize(2);
        assertThat(timeline.body().get("stale").asBoolean()).isTrue();
        assertThat(timeline.header("Rekindle-View-Stale")).isEqualTo("true");
        assertThat(meters.get("rekindle.projection.gaps.accepted").counter().count())
                .isGreaterThanOrEqualTo(1);

        TestApi.Response repeated = api.post(path, "{\"from\":1,\"to\":1,\"reason\":\"again\"}", ADMIN);

        assertThat(repeated.status()).isEqualTo(409);
        assertThat(repeated.body().get("type").asString()).endsWith("gap-accepted-already");
        assertThat(repeated.body().get("detail").asString()).contains(ADMIN);
        assertThat(position(journal.id)).containsEntry("last_sequence", 3L).containsEntry("skipped", 1);
        assertThat(jdbc.sql("select reason from accepted_gap where journal_id = :id")
                        .param("id", journal.id)
                        .query(String.class)
                        .list())
                .containsExactly(REASON);

        // The journal flows on, and stays stale for good: its views lack the accepted event.
        send(journal.publish(journal.checkIn("four")));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> (Long) position(journal.id).get("last_sequence") == 4);
        assertThat(api.get("/journals/" + journal.id + "/timeline", journal.owner)
                        .body()
                        .get("stale")
                        .asBoolean())
                .isTrue();
    }

    private List<String> statuses(UUID journalId) {
        return jdbc.sql("select status from dead_letter where journal_id = :id order by sequence")
                .param("id", journalId)
                .query(String.class)
                .list();
    }

    private Map<String, Object> position(UUID journalId) {
        return jdbc.sql("""
                        select last_sequence, stale, skipped, blocked_by,
                               (select count(*)::int from dead_letter d where d.journal_id = p.journal_id
                                  and d.status in ('PARKED', 'WAITING_BEHIND', 'WAITING_FOR_GAP')) as held
                        from journal_position p where journal_id = :id""").param("id", journalId).query().singleRow();
    }

    private static void send(PublishedEvent... events) {
        try (KafkaProducer<String, byte[]> producer = TestProducer.toSharedBroker()) {
            for (PublishedEvent published : events) {
                producer.send(CloudEventsKafka.toRecord(TOPIC, published));
            }
        }
    }
}
