package app.rekindle.query.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.rekindle.events.CloudEventsKafka;
import app.rekindle.events.PublishedEvent;
import app.rekindle.events.Step;
import app.rekindle.query.QueryServiceTest;
import app.rekindle.query.TestApi;
import app.rekindle.query.TestJournal;
import app.rekindle.query.TestProducer;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** HTTP in the test, Kafka through the real broker, the views out over HTTP: nothing mocked. */
class KafkaToViewsTest extends QueryServiceTest {

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
    void events_on_the_topic_become_readable_views_with_read_your_writes() {
        TestJournal journal = new TestJournal("kafka-" + UUID.randomUUID());
        send(journal.publish(journal.opened()));
        send(journal.publish(journal.started(Step.COMMUNICATE_OPENLY)));
        PublishedEvent conversation = journal.publish(journal.conversation("Holidays"));
        send(conversation);
        send(conversation); // redelivered by an at-least-once publisher
        send(journal.publish(journal.checkIn("Better week")));

        TestApi.Response timeline = readWhenCaughtUp(journal, "/timeline", journal.version());

        assertThat(timeline.body().get("version").asLong()).isEqualTo(3);
        assertThat(timeline.body().get("stale").asBoolean()).isFalse();
        assertThat(timeline.body().get("entries").valueStream().map(e -> e.get("kind")
                        .asString()))
                .containsExactly("CHECK_IN", "CONVERSATION");
        TestApi.Response progress = readWhenCaughtUp(journal, "/progress", journal.version());
        assertThat(progress.body().get("steps").get(1).get("entryCount").asInt())
                .isEqualTo(1);
        assertThat(progress.body().get("steps").get(1).get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(jdbc.sql("select count(*) from projection_gap where journal_id = :id")
                        .param("id", journal.id)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(meters.get("rekindle.projection.duplicates").counter().count())
                .isGreaterThanOrEqualTo(1);
        assertThat(meters.get("rekindle.projection.applied")
                        .tag("type", "checked-in")
                        .counter()
                        .count())
                .isGreaterThanOrEqualTo(1);
        assertThat(meters.get("rekindle.projection.lag").timer().count()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void a_malformed_record_is_dead_lettered_and_the_loop_keeps_going() {
        TestJournal journal = new TestJournal("kafka-" + UUID.randomUUID());
        send(journal.publish(journal.opened()));
        // A corrupted copy of the next event: proper envelope, unreadable payload.
        var envelope = CloudEventsKafka.toRecord(TOPIC, journal.publishAt(1, journal.checkIn("lost")))
                .headers();
        producer.send(new ProducerRecord<>(
                TOPIC, null, journal.id.toString(), "{not json".getBytes(StandardCharsets.UTF_8), envelope));
        // An event type this build does not know, e.g. from a newer producer.
        var unknown = CloudEventsKafka.toRecord(TOPIC, journal.publishAt(1, journal.checkIn("new")))
                .headers();
        unknown.remove(CloudEventsKafka.TYPE);
        unknown.add(CloudEventsKafka.TYPE, "app.rekindle.journal.hug-given".getBytes(StandardCharsets.UTF_8));
        producer.send(new ProducerRecord<>(
                TOPIC, null, journal.id.toString(), "{}".getBytes(StandardCharsets.UTF_8), unknown));
        send(journal.publish(journal.checkIn("after the bad records")));

        TestApi.Response timeline = readWhenCaughtUp(journal, "/timeline", 1);

        assertThat(timeline.body().get("entries")).hasSize(1);
        assertThat(jdbc.sql("""
                        select type, reason from dead_letter where journal_id = :id order by id""").param("id", journal.id).query().listOfRows())
                .containsExactly(
                        Map.of("type", "app.rekindle.journal.checked-in", "reason", "MalformedRecordException"),
                        Map.of("type", "app.rekindle.journal.hug-given", "reason", "UnknownEventTypeException"));
        assertThat(meters.get("rekindle.consumer.dead-letters")
                        .tag("reason", "MalformedRecordException")
                        .counter()
                        .count())
                .isGreaterThanOrEqualTo(1);
    }

    private void send(PublishedEvent published) {
        producer.send(CloudEventsKafka.toRecord(TOPIC, published));
        producer.flush();
    }

    /** A client reading its own write: minVersion waits server-side; a 202 means ask again. */
    private TestApi.Response readWhenCaughtUp(TestJournal journal, String view, long version) {
        TestApi api = new TestApi(port);
        return await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> api.get("/journals/" + journal.id + view + "?minVersion=" + version, journal.owner),
                        response -> response.status() == 200);
    }
}
