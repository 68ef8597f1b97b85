package app.rekindle.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.command.CommandServiceApplication;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A retry that reaches a restarted service (another instance, after a deploy) still gets the first answer. */
class RetryAcrossRestartTest {

    @Test
    void a_retry_after_a_restart_returns_the_first_answer_and_records_nothing_twice() {
        Map<String, Object> properties = new HashMap<>();
        TestEnvironment.register((name, value) -> properties.put(name, value.get()), "restart");
        properties.put("server.port", 0);
        String alice = Api.tokenFor("alice-restart");
        String key = UUID.randomUUID().toString();
        String journalId;
        Api.Response first;
        try (ConfigurableApplicationContext service = start(properties)) {
            Api api = new Api(port(service));
            journalId = api.openJournal(alice);
            first = api.post(
                    "/journals/" + journalId + "/conversations", alice, Api.conversation(4), "Idempotency-Key", key);
        }
        try (ConfigurableApplicationContext restarted = start(properties)) {
            Api.Response retry = new Api(port(restarted))
                    .post(
                            "/journals/" + journalId + "/conversations",
                            alice,
                            Api.conversation(4),
                            "Idempotency-Key",
                            key);

            assertThat(first.status()).isEqualTo(201);
            assertThat(retry.status()).isEqualTo(201);
            assertThat(retry.body()).isEqualTo(first.body());
            assertThat(retry.location()).isEqualTo(first.location());
            assertThat(restarted
                            .getBean(JdbcClient.class)
                            .sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?")
                            .param(journalId)
                            .query(Long.class)
                            .single())
                    .isEqualTo(3);
        }
    }

    /** As command-line arguments: they outrank application.yml, as the test's wiring must. */
    private static ConfigurableApplicationContext start(Map<String, Object> properties) {
        return new SpringApplicationBuilder(CommandServiceApplication.class)
                .run(properties.entrySet().stream()
                        .map(property -> "--" + property.getKey() + "=" + property.getValue())
                        .toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext service) {
        return service.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }
}
