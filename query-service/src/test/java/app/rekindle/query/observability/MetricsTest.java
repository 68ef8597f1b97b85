package app.rekindle.query.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.rekindle.events.CloudEventsKafka;
import app.rekindle.events.PublishedEvent;
import app.rekindle.query.QueryServiceTest;
import app.rekindle.query.TestApi;
import app.rekindle.query.TestJournal;
import app.rekindle.query.TestProducer;
import app.rekindle.support.testing.Prometheus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/** What an operator's Prometheus sees move after some events, and what the readiness probe checks. */
class MetricsTest extends QueryServiceTest {

    private static KafkaProducer<String, byte[]> producer;

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
    void applied_events_projection_lag_and_consumer_lag_per_partition_are_exposed() {
        Prometheus before = scrape();
        TestJournal journal = new TestJournal("metrics-" + UUID.randomUUID());
        send(journal.publish(journal.opened()));
        send(journal.publish(journal.checkIn("A calm week")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Prometheus now = scrape();
            assertThat(now.value("rekindle_projection_applied_total", "type=\"checked-in\"")
                            - before.value("rekindle_projection_applied_total", "type=\"checked-in\""))
                    .isEqualTo(1);
            assertThat(now.value("rekindle_projection_lag_seconds_count")
                            - before.value("rekindle_projection_lag_seconds_count"))
                    .isGreaterThanOrEqualTo(2);
            // One lag series per assigned partition of the topic (it has three), caught up by now.
            assertThat(now.series("kafka_consumer_fetch_manager_records_lag", "topic=\"" + TOPIC + "\""))
                    .isEqualTo(3);
            assertThat(now.value("kafka_consumer_fetch_manager_records_lag", "topic=\"" + TOPIC + "\""))
                    .isZero();
        });
    }

    @Test
    void dead_letters_are_counted_by_reason() {
        Prometheus before = scrape();
        TestJournal journal = new TestJournal("metrics-" + UUID.randomUUID());
        var envelope = CloudEventsKafka.toRecord(TOPIC, journal.publish(journal.opened()))
                .headers();
        producer.send(new ProducerRecord<>(
                TOPIC, null, journal.id.toString(), "{not json".getBytes(StandardCharsets.UTF_8), envelope));
        producer.flush();

        String deadLetters = "rekindle_consumer_dead_letters_total";
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(scrape().value(deadLetters, "reason=\"MalformedRecordException\"")
                                - before.value(deadLetters, "reason=\"MalformedRecordException\""))
                        .isEqualTo(1));
    }

    /** Why /actuator/prometheus may stay public (ServiceSecurity.PUBLIC_GETS): it names no journal, person or text. */
    @Test
    void the_public_scrape_names_no_journal_person_or_text() {
        TestJournal journal = new TestJournal("metrics-private-" + UUID.randomUUID());
        String marker = "marker" + System.nanoTime();
        send(journal.publish(journal.opened()));
        send(journal.publish(journal.checkIn(marker)));
        TestApi api = new TestApi(port);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/journals/" + journal.id + "/timeline", journal.owner)
                        .raw()
                        .contains(marker));
        api.get("/journals/" + journal.id + "/" + marker, journal.owner);
        api.get("/journals/" + UUID.randomUUID() + "/timeline", journal.owner);

        HttpResponse<String> scrape = get("/actuator/prometheus");

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body())
                .contains("rekindle_projection_applied_total")
                .doesNotContain(journal.id.toString())
                .doesNotContain(journal.owner)
                .doesNotContain(marker);
        assertThat(get("/actuator/metrics").statusCode())
                .as("the rest of the actuator needs an operator")
                .isEqualTo(401);
    }

    @Test
    void readiness_checks_the_database_and_kafka() {
        HttpResponse<String> readiness = get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        var components = JsonMapper.builder().build().readTree(readiness.body()).get("components");
        assertThat(components.get("db").get("status").asString()).isEqualTo("UP");
        assertThat(components.get("kafka").get("status").asString()).isEqualTo("UP");
    }

    private static void send(PublishedEvent published) {
        producer.send(CloudEventsKafka.toRecord(TOPIC, published));
        producer.flush();
    }

    private Prometheus scrape() {
        HttpResponse<String> response = get("/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        return new Prometheus(response.body());
    }

    private HttpResponse<String> get(String path) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
