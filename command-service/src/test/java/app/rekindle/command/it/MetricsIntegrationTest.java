package app.rekindle.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.rekindle.support.testing.Prometheus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What an operator's Prometheus sees move after some traffic, and what the readiness probe checks. */
class MetricsIntegrationTest extends RunningCommandService {

    private final String token = Api.tokenFor("metrics-" + System.nanoTime());

    @Test
    void commands_are_counted_and_timed_by_type_and_outcome() {
        Api api = new Api(port);
        Prometheus before = scrape();
        String journalId = api.openJournal(token);
        assertThat(api.post("/journals/" + journalId + "/conversations", token, Api.conversation(4))
                        .status())
                .isEqualTo(201);
        assertThat(api.post("/journals/" + journalId + "/steps/give-each-other-space/completion", token, "{}")
                        .status())
                .isEqualTo(409);

        Prometheus after = scrape();
        assertThat(increase(
                        before, after, "rekindle_commands_total", "outcome=\"accepted\"", "type=\"LogConversation\""))
                .isEqualTo(1);
        assertThat(increase(before, after, "rekindle_commands_total", "outcome=\"rejected\"", "type=\"CompleteStep\""))
                .isEqualTo(1);
        assertThat(increase(before, after, "rekindle_command_latency_seconds_count", "type=\"OpenJournal\""))
                .isEqualTo(1);
        assertThat(after.value("rekindle_command_latency_seconds_sum", "type=\"OpenJournal\""))
                .isPositive();
    }

    @Test
    void published_events_are_counted_and_the_publisher_lag_returns_to_zero() {
        Prometheus before = scrape();
        Api api = new Api(port);
        String journalId = api.openJournal(token);
        api.post("/journals/" + journalId + "/check-ins", token, "{\"mood\":4,\"connection\":3}");

        // JournalOpened and CheckedIn: two events, acknowledged by the broker and passed by the token.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Prometheus now = scrape();
            assertThat(increase(before, now, "rekindle_events_published_total")).isGreaterThanOrEqualTo(2);
            assertThat(now.value("rekindle_publisher_lag_events")).isZero();
        });
        assertThat(scrape().has("kafka_producer_record_send_total")).isTrue();
    }

    /** Why /actuator/prometheus may stay public (ServiceSecurity.PUBLIC_GETS): it names no journal, person or text. */
    @Test
    void the_public_scrape_names_no_journal_person_or_text() throws Exception {
        Api api = new Api(port);
        String person = "metrics-private-" + System.nanoTime();
        String personToken = Api.tokenFor(person);
        String journalId = api.openJournal(personToken);
        String marker = "marker" + System.nanoTime();
        api.post(
                "/journals/" + journalId + "/check-ins",
                personToken,
                "{\"mood\":4,\"connection\":3,\"note\":\"" + marker + "\"}");
        api.post("/journals/" + journalId + "/check-ins", personToken, "{\"mood\":\"" + marker + "\"}");
        api.get("/journals/" + journalId + "/" + marker, personToken);
        api.post("/journals/" + UUID.randomUUID() + "/check-ins", personToken, "{\"mood\":4,\"connection\":3}");

        HttpResponse<String> scrape = get("/actuator/prometheus");

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body())
                .contains("rekindle_commands_total")
                .doesNotContain(journalId)
                .doesNotContain(person)
                .doesNotContain(marker);
        assertThat(get("/actuator/metrics").statusCode())
                .as("the rest of the actuator needs an operator")
                .isEqualTo(401);
    }

    @Test
    void readiness_checks_the_database_and_health_also_kafka() throws Exception {
        HttpResponse<String> readiness = get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        var components = Api.JSON.readTree(readiness.body()).get("components");
        assertThat(components.get("db").get("status").asString()).isEqualTo("UP");
        // Commands are taken (and published later) while Kafka is down: the broker is not a readiness condition.
        assertThat(components.has("kafka")).isFalse();
        var health = Api.JSON.readTree(get("/actuator/health").body()).get("components");
        assertThat(health.get("kafka").get("status").asString()).isEqualTo("UP");
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }

    private static double increase(Prometheus before, Prometheus after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }

    private Prometheus scrape() {
        try {
            HttpResponse<String> response = get("/actuator/prometheus");
            assertThat(response.statusCode()).isEqualTo(200);
            return new Prometheus(response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
