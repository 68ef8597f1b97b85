package app.rekindle.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.rekindle.events.CloudEventsKafka;
import app.rekindle.events.PublishedEvent;
import app.rekindle.events.Step;
import app.rekindle.query.QueryServiceTest;
import app.rekindle.query.TestApi;
import app.rekindle.query.TestJournal;
import app.rekindle.query.TestProducer;
import app.rekindle.query.projection.Projector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Rebuilds the test schema from the test topic: journals only ever applied directly are gone after it. */
class RebuildTest extends QueryServiceTest {

    @Autowired
    Projector projector;

    @LocalServerPort
    int port;

    @Test
    void only_configured_operators_may_rebuild() throws Exception {
        HttpResponse<String> response = post("someone");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/problem+json");
        assertThat(new TestApi(port).get("/admin/rebuild", "someone").status()).isEqualTo(403);
    }

    @Test
    void a_rebuild_from_offset_zero_replaces_the_views_while_they_keep_answering() throws Exception {
        TestApi api = new TestApi(port);
        TestJournal journal = new TestJournal("rebuild-" + UUID.randomUUID());
        try (var producer = producer()) {
            send(producer, journal.publish(journal.opened()));
            send(producer, journal.publish(journal.started(Step.COMMUNICATE_OPENLY)));
            send(producer, journal.publish(journal.conversation("Holidays")));
            String timeline = "/journals/" + journal.id + "/timeline?minVersion=" + journal.version();
            JsonNode before = await().atMost(Duration.ofSeconds(60))
                    .until(() -> api.get(timeline, journal.owner), r -> r.status() == 200)
                    .body();
            TestJournal notOnKafka = new TestJournal("rebuild-" + UUID.randomUUID());
            projector.apply(notOnKafka.publish(notOnKafka.opened()));

            assertThat(post(ADMIN).statusCode()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        assertThat(api.get(timeline, journal.owner).status()).isEqualTo(200); // answering throughout
                        return api.get("/admin/rebuild", ADMIN)
                                .body()
                                .get("state")
                                .asString()
                                .equals("DONE");
                    });

            JsonNode progress = api.get("/admin/rebuild", ADMIN).body();
            assertThat(progress.get("eventsDone").asLong())
                    .isGreaterThanOrEqualTo(progress.get("eventsTotal").asLong())
                    .isGreaterThanOrEqualTo(3);
            assertThat(api.get(timeline, journal.owner).body()).isEqualTo(before);
            assertThat(api.get("/journals/" + notOnKafka.id, notOnKafka.owner).status())
                    .isEqualTo(404);
            send(producer, journal.publish(journal.checkIn("after the rebuild")));
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> api.get(
                                            "/journals/" + journal.id + "/timeline?minVersion=" + journal.version(),
                                            journal.owner)
                                    .status()
                            == 200);
        }
    }

    private HttpResponse<String> post(String subject) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/admin/rebuild"))
                                .header("Authorization", "Bearer " + TestApi.token(subject))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static KafkaProducer<String, byte[]> producer() {
        return TestProducer.toSharedBroker();
    }

    private static void send(KafkaProducer<String, byte[]> producer, PublishedEvent published) {
        producer.send(CloudEventsKafka.toRecord(TOPIC, published));
        producer.flush();
    }
}
