package app.rekindle.command.it;

import app.rekindle.embedded.SharedTestInfrastructure;
import app.rekindle.support.testing.TestIssuer;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Wires a Spring context to the JVM's shared PostgreSQL and Kafka. Each test class gets its own schema (so its
 * publisher's token and events are its own, even while other cached contexts keep running) and its own topic.
 */
final class TestEnvironment {

    /** Made up per test JVM, as the launcher makes one per installation. */
    static final String MASTER_KEY = java.util.Base64.getEncoder()
            .encodeToString(app.rekindle.events.privacy.DataKey.generate().raw());

    final String schema;
    final String topic;

    private TestEnvironment(String schema, String topic) {
        this.schema = schema;
        this.topic = topic;
    }

    static TestEnvironment register(DynamicPropertyRegistry registry, String name) {
        SharedTestInfrastructure infra = SharedTestInfrastructure.get();
        String schema = "cmd_" + name + "_" + UUID.randomUUID().toString().substring(0, 8);
        TestEnvironment environment = new TestEnvironment(schema, infra.newTopic("journal-events-" + name));
        registry.add("spring.datasource.url", () -> infra.jdbcUrl(schema));
        registry.add("spring.datasource.username", () -> infra.postgres().username());
        registry.add("spring.datasource.password", () -> infra.postgres().password());
        registry.add("spring.flyway.schemas", () -> schema);
        registry.add("spring.flyway.default-schema", () -> schema);
        registry.add("rekindle.kafka.bootstrap-servers", () -> infra.kafka().bootstrapServers());
        registry.add("rekindle.kafka.topic", () -> environment.topic);
        registry.add("rekindle.crypto.master-key", () -> MASTER_KEY);
        TestIssuer.register(registry);
        return environment;
    }
}
