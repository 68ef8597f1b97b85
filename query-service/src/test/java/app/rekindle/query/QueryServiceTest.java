package app.rekindle.query;

import app.rekindle.embedded.SharedTestInfrastructure;
import app.rekindle.query.keys.StandInKeyService;
import app.rekindle.support.testing.TestIssuer;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One application context for every test class (same properties, so Spring caches it): the real
 * PostgreSQL and Kafka of {@link SharedTestInfrastructure}, the consumer on a topic of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class QueryServiceTest {

    protected static final String TOPIC = SharedTestInfrastructure.get().newTopic("query-service-it");
    /** The operator allowed to run admin commands such as the rebuild. */
    protected static final String ADMIN = "ops-admin";

    private static final String GROUP = "query-service-it-" + UUID.randomUUID();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        SharedTestInfrastructure infra = SharedTestInfrastructure.get();
        registry.add("spring.datasource.url", () -> infra.jdbcUrl("views"));
        registry.add("spring.datasource.username", () -> infra.postgres().username());
        registry.add("spring.datasource.password", () -> infra.postgres().password());
        // The views live in schema "views" whatever the URL's search path says.
        registry.add("spring.datasource.hikari.schema", () -> "views");
        registry.add("rekindle.kafka.bootstrap-servers", () -> infra.kafka().bootstrapServers());
        registry.add("rekindle.kafka.topic", () -> TOPIC);
        registry.add("rekindle.kafka.group-id", () -> GROUP);
        registry.add("rekindle.read.max-wait", () -> "1500ms");
        registry.add("rekindle.read.unseen-journal-wait", () -> "300ms");
        registry.add("rekindle.live.heartbeat", () -> "500ms");
        registry.add("rekindle.admin.subjects", () -> ADMIN);
        registry.add(
                "rekindle.crypto.key-service-url",
                () -> StandInKeyService.get().url().toString());
        registry.add(
                "rekindle.crypto.key-service-token-uri",
                () -> StandInKeyService.get().tokenUri().toString());
        registry.add(
                "rekindle.crypto.key-service-client-secret-file",
                () -> StandInKeyService.get().secretFile().toString());
        TestIssuer.register(registry);
    }
}
