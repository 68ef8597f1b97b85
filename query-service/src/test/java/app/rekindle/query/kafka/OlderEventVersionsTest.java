package app.rekindle.query.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.rekindle.events.CloudEventsKafka;
import app.rekindle.events.JournalEventJson;
import app.rekindle.events.PublishedEvent;
import app.rekindle.events.Step;
import app.rekindle.query.QueryServiceTest;
import app.rekindle.query.TestApi;
import app.rekindle.query.TestJournal;
import app.rekindle.query.TestProducer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A record published by an older build, at an older schema version, still projects: the consumer upcasts it,
 * the views show the upcast values, and the journal's history logs it at the current version.
 */
class OlderEventVersionsTest extends QueryServiceTest {

    static KafkaProducer<String, byte[]> producer;

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
    void a_conversation_published_at_version_1_shows_its_channel_as_not_recorded() {
        TestJournal journal = new TestJournal("versions-" + UUID.randomUUID());
        send(CloudEventsKafka.toRecord(TOPIC, journal.publish(journal.opened())));
        send(CloudEventsKafka.toRecord(TOPIC, journal.publish(journal.started(Step.COMMUNICATE_OPENLY))));
        send(asVersion1(journal.publish(journal.conversation("Holidays"))));

        TestApi api = new TestApi(port);
        TestApi.Response timeline = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> api.get("/journals/" + journal.id + "/timeline?minVersion=2", journal.owner),
                        response -> response.status() == 200);
        JsonNode fields = timeline.body().get("entries").get(0).get("fields");
        assertThat(fields.get("topic").asString()).isEqualTo("Holidays");
        assertThat(fields.get("channel").asString()).isEqualTo("NOT_RECORDED");

        JsonNode logged = api.get("/journals/" + journal.id + "/history", journal.owner)
                .body()
                .get("events")
                .get(2);
        assertThat(logged.get("schemaVersion").asInt()).isEqualTo(2);
        assertThat(logged.get("event").get("channel").asString()).isEqualTo("NOT_RECORDED");
    }

    /** The record an older build published: version 1 in the header, and JSON without the channel. */
    private static ProducerRecord<String, byte[]> asVersion1(PublishedEvent published) {
        ProducerRecord<String, byte[]> current = CloudEventsKafka.toRecord(TOPIC, published);
        ObjectNode json = (ObjectNode) JournalEventJson.mapper().readTree(current.value());
        json.remove("channel");
        current.headers().remove(CloudEventsKafka.SCHEMA_VERSION);
        current.headers().add(CloudEventsKafka.SCHEMA_VERSION, "1".getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(
                TOPIC, null, current.key(), JournalEventJson.mapper().writeValueAsBytes(json), current.headers());
    }

    private static void send(ProducerRecord<String, byte[]> record) {
        producer.send(record);
        producer.flush();
    }
}
