package app.rekindle.query.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.embedded.SharedTestInfrastructure;
import app.rekindle.events.CloudEventsKafka;
import app.rekindle.query.QueryServiceTest;
import app.rekindle.query.TestApi;
import app.rekindle.query.TestJournal;
import app.rekindle.query.TestProducer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A journal's event went missing on the way (here: the poll that reaches the handler lacks it, as after a
 * consumer offset moved past it); the journal waits, stale, until the partition is read again for it.
 */
class GapFillTest extends QueryServiceTest {

    @Autowired
    RecordHandler handler;

    @Autowired
    GapFiller filler;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Test
    void a_gap_is_detected_held_and_filled_by_reading_the_partition_again() {
        String topic = SharedTestInfrastructure.get().newTopic("gap-fill");
        TestJournal journal = new TestJournal("gap-" + UUID.randomUUID());
        try (var producer = TestProducer.toSharedBroker()) {
            producer.send(CloudEventsKafka.toRecord(topic, journal.publish(journal.opened())));
            for (int i = 1; i <= 4; i++) {
                producer.send(CloudEventsKafka.toRecord(topic, journal.publish(journal.checkIn("day " + i))));
            }
        }
        List<ConsumerRecord<String, byte[]>> records = readAll(topic, 5);
        List<ConsumerRecord<String, byte[]>> withoutOneAndTwo = List.of(records.get(0), records.get(3), records.get(4));

        handler.handleAll(withoutOneAndTwo);

        assertThat(position(journal.id))
                .containsEntry("last_sequence", 0L)
                .containsEntry("stale", true)
                .containsEntry("blocked_by", "GAP");
        assertThat(jdbc.sql("select sequence, status from dead_letter where journal_id = :id order by sequence")
                        .param("id", journal.id)
                        .query()
                        .listOfRows())
                .containsExactly(
                        Map.of("sequence", 3L, "status", "WAITING_FOR_GAP"),
                        Map.of("sequence", 4L, "status", "WAITING_FOR_GAP"));
        assertThat(new TestApi(port)
                        .get("/journals/" + journal.id + "/timeline", journal.owner)
                        .header("Rekindle-View-Stale"))
                .isEqualTo("true");

        assertThat(filler.fill(journal.id)).isEqualTo(2);

        assertThat(position(journal.id)).containsEntry("last_sequence", 4L).containsEntry("stale", false);
        assertThat(position(journal.id).get("blocked_by")).isNull();
        TestApi.Response timeline = new TestApi(port).get("/journals/" + journal.id + "/timeline", journal.owner);
        assertThat(timeline.header("Rekindle-View-Stale")).isNull();
        assertThat(timeline.body().get("entries")).hasSize(4);
        assertThat(jdbc.sql("select sequence from journal_event where journal_id = :id order by sequence")
                        .param("id", journal.id)
                        .query(Long.class)
                        .list())
                .containsExactly(0L, 1L, 2L, 3L, 4L);
    }

    @Test
    void a_late_record_fills_the_gap_and_what_waited_follows_in_order() {
        String topic = SharedTestInfrastructure.get().newTopic("gap-late");
        TestJournal journal = new TestJournal("gap-" + UUID.randomUUID());
        try (var producer = TestProducer.toSharedBroker()) {
            producer.send(CloudEventsKafka.toRecord(topic, journal.publish(journal.opened())));
            producer.send(CloudEventsKafka.toRecord(topic, journal.publish(journal.checkIn("late"))));
            producer.send(CloudEventsKafka.toRecord(topic, journal.publish(journal.checkIn("early"))));
        }
        List<ConsumerRecord<String, byte[]>> records = readAll(topic, 3);
        handler.handleAll(List.of(records.get(0), records.get(2)));
        assertThat(position(journal.id)).containsEntry("last_sequence", 0L).containsEntry("stale", true);

        handler.handleAll(List.of(records.get(1))); // the late one
        handler.handleAll(List.of(records.get(2))); // and a redelivery of one that waited: changes nothing

        assertThat(position(journal.id)).containsEntry("last_sequence", 2L).containsEntry("stale", false);
        assertThat(jdbc.sql("select status from dead_letter where journal_id = :id")
                        .param("id", journal.id)
                        .query(String.class)
                        .list())
                .containsExactly("APPLIED");
        assertThat(jdbc.sql("select count(*) from timeline_entry where journal_id = :id")
                        .param("id", journal.id)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void an_operator_retry_of_an_event_waiting_for_a_gap_reads_kafka_again_at_once() {
        String topic = SharedTestInfrastructure.get().newTopic("gap-retry");
        TestJournal journal = new TestJournal("gap-" + UUID.randomUUID());
        try (var producer = TestProducer.toSharedBroker()) {
            producer.send(CloudEventsKafka.toRecord(topic, journal.publish(journal.opened())));
            producer.send(CloudEventsKafka.toRecord(topic, journal.publish(journal.checkIn("missing"))));
            producer.send(CloudEventsKafka.toRecord(topic, journal.publish(journal.checkIn("waiting"))));
        }
        List<ConsumerRecord<String, byte[]>> records = readAll(topic, 3);
        handler.handleAll(List.of(records.get(0), records.get(2)));
        long waiting = jdbc.sql("select id from dead_letter where journal_id = :id and status = 'WAITING_FOR_GAP'")
                .param("id", journal.id)
                .query(Long.class)
                .single();
        TestApi api = new TestApi(port);
        assertThat(api.get("/admin/dead-letters?status=SOMETHING", ADMIN)
                        .body()
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("status");

        TestApi.Response retried = api.post("/admin/dead-letters/" + waiting + "/retry", null, ADMIN);

        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.body().get("status").asString()).isEqualTo("APPLIED");
        assertThat(position(journal.id)).containsEntry("last_sequence", 2L).containsEntry("stale", false);
    }

    private Map<String, Object> position(UUID journalId) {
        return jdbc.sql("select last_sequence, stale, blocked_by from journal_position where journal_id = :id")
                .param("id", journalId)
                .query()
                .singleRow();
    }

    /** The topic's records in sequence order (one journal, so one partition). */
    private static List<ConsumerRecord<String, byte[]>> readAll(String topic, int count) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        SharedTestInfrastructure.get().kafka().bootstrapServers()),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        records.sort(Comparator.comparingLong(ConsumerRecord::offset));
        assertThat(records).hasSize(count);
        return records;
    }
}
