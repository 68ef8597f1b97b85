package app.rekindle.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.rekindle.command.CommandServiceApplication;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two instances on one event store, each caching the journals it wrote to: a command reaching the instance whose
 * copy of the journal is behind is decided again on the stored journal, never appended on the stale copy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JournalCacheIntegrationTest {

    private static final List<String> SHARED = List.of(
            "spring.datasource.url",
            "spring.datasource.username",
            "spring.datasource.password",
            "spring.flyway.schemas",
            "spring.flyway.default-schema",
            "rekindle.kafka.bootstrap-servers",
            "rekindle.kafka.topic",
            "spring.security.oauth2.resourceserver.jwt.issuer-uri",
            "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
            "spring.security.oauth2.resourceserver.jwt.audiences",
            // both instances wrap journal keys with the same master key, as a deployment would
            "rekindle.crypto.master-key");
    private static final String CHECK_IN = "{\"mood\":4,\"connection\":3}";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        environment = TestEnvironment.register(registry, "cache");
    }

    static TestEnvironment environment;
    static ConfigurableApplicationContext second;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final String alice = Api.tokenFor("alice");

    @BeforeAll
    static void startSecondInstance(@Autowired Environment first) {
        // As arguments: SpringApplicationBuilder.properties() would be defaults, below application.yml.
        Stream<String> arguments = Stream.concat(
                SHARED.stream().map(name -> "--" + name + "=" + first.getRequiredProperty(name)),
                Stream.of("--server.port=0"));
        second = new SpringApplicationBuilder(CommandServiceApplication.class).run(arguments.toArray(String[]::new));
    }

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void a_command_on_an_instance_whose_cached_journal_is_behind_is_decided_on_the_stored_journal() {
        Api one = new Api(port);
        Api two = new Api(((WebServerApplicationContext) second).getWebServer().getPort());
        String journalId = one.openJournal(alice);
        List<Long> versions = new ArrayList<>();
        // One caches the journal at version 1, two appends version 2, one's copy is behind when it checks in.
        for (Api instance : List.of(one, two, one, one, two)) {
            Api.Response answer = instance.post("/journals/" + journalId + "/check-ins", alice, CHECK_IN);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
            versions.add(answer.body().get("version").asLong());
        }

        assertThat(versions).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(jdbc.sql("select sequence_number from domain_event_entry where aggregate_identifier = ?"
                                + " order by sequence_number")
                        .param(journalId)
                        .query(Long.class)
                        .list())
                .isEqualTo(Stream.iterate(0L, n -> n + 1).limit(6).toList());
    }

    @Test
    void a_batch_on_an_instance_whose_cached_journal_is_behind_is_appended_after_the_stored_journal() {
        Api one = new Api(port);
        Api two = new Api(((WebServerApplicationContext) second).getWebServer().getPort());
        String journalId = one.openJournal(alice);
        String path = "/journals/" + journalId + "/check-ins";
        assertThat(one.post(path, alice, CHECK_IN).status()).isEqualTo(201);
        assertThat(two.post(path, alice, CHECK_IN).status()).isEqualTo(201);
        String items = String.join(
                ",",
                Stream.generate(() -> "{\"type\":\"check-in\",\"idempotencyKey\":\"" + UUID.randomUUID()
                                + "\",\"entryId\":\"" + UUID.randomUUID() + "\",\"body\":" + CHECK_IN + "}")
                        .limit(3)
                        .toList());

        // One's copy is at version 1: its append of 2, 3, 4 (multi-row inserts) collides with two's version 2.
        Api.Response answer = one.post("/journals/" + journalId + "/batches", alice, "{\"items\":[" + items + "]}");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.body().get("items"))
                .extracting(item -> item.get("version").asLong())
                .containsExactly(3L, 4L, 5L);
        assertThat(jdbc.sql("select sequence_number from domain_event_entry where aggregate_identifier = ?"
                                + " order by sequence_number")
                        .param(journalId)
                        .query(Long.class)
                        .list())
                .isEqualTo(Stream.iterate(0L, n -> n + 1).limit(6).toList());
    }

    @Test
    void if_match_is_held_against_the_stored_journal_not_a_cached_copy_that_is_behind() {
        Api one = new Api(port);
        Api two = new Api(((WebServerApplicationContext) second).getWebServer().getPort());
        String journalId = one.openJournal(alice);
        String path = "/journals/" + journalId + "/check-ins";
        assertThat(one.post(path, alice, CHECK_IN).status()).isEqualTo(201);
        assertThat(two.post(path, alice, CHECK_IN).status()).isEqualTo(201);

        Api.Response current = one.post(path, alice, CHECK_IN, "If-Match", "\"2\"");
        Api.Response stale = one.post(path, alice, CHECK_IN, "If-Match", "\"2\"");

        assertThat(current.status()).as(current.toString()).isEqualTo(201);
        assertThat(current.body().get("version").asLong()).isEqualTo(3);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body().get("type").asString()).endsWith("/version-conflict");
    }

    @Test
    void concurrent_commands_on_one_journal_reach_kafka_in_sequence_order() throws Exception {
        Api one = new Api(port);
        String journalId = one.openJournal(alice);
        int clients = 6, each = 5;
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < clients * each; i++) {
                // With Idempotency-Key, as real clients send them: the request's own transaction then outlives
                // Axon's unit of work, the window in which a cached journal could be built on too early.
                statuses.add(pool.submit(() -> one.post(
                                "/journals/" + journalId + "/check-ins",
                                alice,
                                CHECK_IN,
                                "Idempotency-Key",
                                UUID.randomUUID().toString())
                        .status()));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).isEqualTo(201);
            }
        }

        try (TopicReader topic = new TopicReader(environment.topic)) {
            List<Long> published = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                published.clear();
                topic.journal(journalId)
                        .forEach(record -> published.add(Long.parseLong(new String(
                                record.headers().lastHeader("ce_sequence").value(), StandardCharsets.UTF_8))));
                assertThat(published).contains((long) clients * each);
            });
            // Read in order as the query side does: a repeat (at least once) is fine, a sequence number arriving
            // before the one it follows is a gap.
            long next = 0;
            for (long sequence : published) {
                assertThat(sequence)
                        .as("sequence after %d in %s", next - 1, published)
                        .isLessThanOrEqualTo(next);
                next = Math.max(next, sequence + 1);
            }
            assertThat(next).isEqualTo(clients * each + 1);
        }
    }
}
