package app.rekindle.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.rekindle.events.CloudEventsKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Deleting an account: the identity provider asks the command service to erase every journal the person opened,
 * each exactly as {@code DELETE /journals/{id}} erases it, and the person's still-valid token opens nothing new.
 */
class OwnerErasureIntegrationTest extends CommandServiceTest {

    private static TestEnvironment environment;

    @Autowired
    DataSource dataSource;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        environment = TestEnvironment.register(registry, "erasure");
    }

    private static final String ERASED = "app.rekindle.journal.journal-erased";

    private final String identityProvider = Api.tokenFor("rekindle-identity-service", "accounts-erase");
    private final String queryService = Api.tokenFor("rekindle-query-service", "journal-keys");
    private final String alice = "alice-" + UUID.randomUUID();
    private final String bob = "bob-" + UUID.randomUUID();
    private final String aliceToken = Api.tokenFor(alice);
    private final String bobToken = Api.tokenFor(bob);

    @Test
    void erasing_an_owner_erases_each_of_their_journals_as_deleting_it_would_and_nobody_elses() {
        String opened = api.journalWithEntries(aliceToken).get("journalId");
        String another = api.journalWithEntries(aliceToken).get("journalId");
        Api.Response imported = api.post("/journals/import", aliceToken, ExportDocument.of(alice));
        assertThat(imported.status()).isEqualTo(201);
        String importedId = imported.body().get("journalId").asString();
        String bobs = api.journalWithEntries(bobToken).get("journalId");
        List<String> alices = List.of(opened, another, importedId);

        Api.Response erased = api.post(erasure(alice), identityProvider, null);

        assertThat(erased.status()).isEqualTo(200);
        assertThat(erased.contentType()).startsWith("application/json");
        assertThat(erased.body().size()).as("nothing but the erased ids").isEqualTo(1);
        assertThat(Api.JSON.treeToValue(erased.body().get("erased"), String[].class))
                .containsExactlyInAnyOrderElementsOf(alices);
        for (String journalId : alices) {
            assertThat(keyShredded(journalId)).as("key of %s", journalId).isTrue();
            assertThat(api.get(dataKey(journalId), queryService).status()).isEqualTo(410);
            assertThat(api.post("/journals/" + journalId + "/check-ins", aliceToken, "{\"mood\":4,\"connection\":3}")
                            .status())
                    .isEqualTo(404);
            assertThat(api.delete("/journals/" + journalId, aliceToken).status())
                    .isEqualTo(404);
        }
        // The query side hears of each erasure as of any other, and drops the journal's views.
        for (String journalId : alices) {
            assertThat(lastPublishedType(journalId)).isEqualTo(ERASED);
        }
        assertThat(keyShredded(bobs)).isFalse();
        assertThat(api.get(dataKey(bobs), queryService).status()).isEqualTo(200);
        assertThat(api.post("/journals/" + bobs + "/check-ins", bobToken, "{\"mood\":4,\"connection\":3}")
                        .status())
                .isEqualTo(201);
        assertThat(jdbc.sql("select count(*) from erased_owner where owner_id = ?")
                        .param(alice)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void erasing_again_erases_nothing_more_and_answers_an_empty_list_as_for_a_subject_never_seen() {
        api.journalWithEntries(aliceToken);
        assertThat(api.post(erasure(alice), identityProvider, null).body().get("erased"))
                .hasSize(1);

        Api.Response again = api.post(erasure(alice), identityProvider, null);
        Api.Response stranger = api.post(erasure("nobody-" + UUID.randomUUID()), identityProvider, null);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().toString()).isEqualTo("{\"erased\":[]}");
        assertThat(stranger.status()).isEqualTo(200);
        assertThat(stranger.body()).isEqualTo(again.body());
    }

    @Test
    void the_token_of_an_erased_owner_opens_and_imports_nothing_and_is_answered_as_no_token() throws Exception {
        api.journalWithEntries(aliceToken);
        api.post(erasure(alice), identityProvider, null);
        String journal = "{\"partnerName\":\"Sam\",\"intention\":\"Again\",\"timezone\":\"Europe/Berlin\"}";
        Api.Response withoutToken = api.post("/journals", null, journal);

        Api.Response open = api.post("/journals", aliceToken, journal);
        Api.Response retried = api.post("/journals", aliceToken, journal, "Idempotency-Key", "k-" + UUID.randomUUID());
        Api.Response imported = api.post("/journals/import", aliceToken, ExportDocument.of(alice));

        assertThat(withoutToken.status()).isEqualTo(401);
        for (Api.Response refused : List.of(open, retried, imported)) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body()).isEqualTo(withoutToken.body());
        }
        assertThat(wwwAuthenticate("/journals", aliceToken, journal))
                .isEqualTo(wwwAuthenticate("/journals", null, journal));
        assertThat(journalsOpenedBy(alice)).isEqualTo(1);
        // Someone else still opens journals.
        assertThat(api.post("/journals", bobToken, journal).status()).isEqualTo(201);
    }

    @Test
    void only_the_identity_providers_credential_erases_and_it_fetches_no_keys() {
        String journalId = api.openJournal(aliceToken);

        Api.Response none = api.post(erasure(alice), null, null);
        Api.Response person = api.post(erasure(alice), aliceToken, null);
        Api.Response keys = api.post(erasure(alice), queryService, null);
        Api.Response scopeless = api.post(erasure(alice), Api.tokenFor("rekindle-identity-service"), null);

        assertThat(none.status()).isEqualTo(401);
        for (Api.Response refused : List.of(person, keys, scopeless)) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body().get("type").asString()).endsWith("/forbidden");
        }
        assertThat(api.get(dataKey(journalId), identityProvider).status()).isEqualTo(403);
        assertThat(keyShredded(journalId)).isFalse();
        assertThat(api.post("/journals/" + journalId + "/check-ins", aliceToken, "{\"mood\":4,\"connection\":3}")
                        .status())
                .isEqualTo(201);
    }

    @Test
    void a_subject_outside_its_window_is_refused_naming_the_subject() {
        for (String subject : List.of("a".repeat(256), "%20", "al%01ice", "al%E2%80%AEice")) {
            Api.Response refused = api.post("/internal/owners/" + subject + "/erasure", identityProvider, null);

            assertThat(refused.status()).as(subject).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body().at("/errors/0/field").asString()).isEqualTo("subject");
        }
        assertThat(api.post(erasure("a".repeat(255)), identityProvider, null).status())
                .isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from erased_owner where length(owner_id) > 255 or owner_id in (?, ?, ?)")
                        .params(" ", "al\u0001ice", "al\u202Eice")
                        .query(Integer.class)
                        .single())
                .as("no refused subject is recorded")
                .isZero();
        assertThat(jdbc.sql("select count(*) from erased_owner where owner_id = ?")
                        .param("a".repeat(255))
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void an_opening_that_arrives_while_the_erasure_is_recorded_waits_for_it_and_is_refused() throws Exception {
        String journal = "{\"partnerName\":\"Sam\",\"intention\":\"Again\",\"timezone\":\"Europe/Berlin\"}";
        try (Connection held = dataSource.getConnection();
                ExecutorService clients = Executors.newFixedThreadPool(2)) {
            // Another writer's uncommitted row holds the erasure at its insert, after it took the owner's lock.
            held.setAutoCommit(false);
            try (PreparedStatement insert =
                    held.prepareStatement("insert into erased_owner (owner_id, erased_at) values (?, now())")) {
                insert.setString(1, alice);
                insert.executeUpdate();
            }
            Future<Api.Response> erasing = clients.submit(() -> api.post(erasure(alice), identityProvider, null));
            await().atMost(Duration.ofSeconds(30)).until(this::anErasureHoldsItsLock);
            Future<Api.Response> opening = clients.submit(() -> api.post("/journals", aliceToken, journal));

            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> !opening.isDone());
            held.commit();

            assertThat(erasing.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
            assertThat(opening.get(30, TimeUnit.SECONDS).status()).isEqualTo(401);
            assertThat(journalsOpenedBy(alice)).isZero();
        }
    }

    private boolean anErasureHoldsItsLock() {
        return jdbc.sql("select exists (select 1 from pg_locks where locktype = 'advisory'"
                        + " and mode = 'ExclusiveLock' and granted)")
                .query(Boolean.class)
                .single();
    }

    private static String erasure(String subject) {
        return "/internal/owners/" + subject + "/erasure";
    }

    private static String dataKey(String journalId) {
        return "/internal/journals/" + journalId + "/data-key";
    }

    private boolean keyShredded(String journalId) {
        return jdbc.sql("select wrapped_key is null and destroyed_at is not null from journal_key where journal_id = ?")
                .param(UUID.fromString(journalId))
                .query(Boolean.class)
                .single();
    }

    private int journalsOpenedBy(String owner) {
        return jdbc.sql("select count(*) from domain_event_entry where sequence_number = 0"
                        + " and convert_from(payload, 'UTF8')::jsonb ->> 'ownerId' = ?")
                .param(owner)
                .query(Integer.class)
                .single();
    }

    /** The type of the journal's last record on the topic, once an erasure is there (or the wait gives up). */
    private String lastPublishedType(String journalId) {
        try (TopicReader topic = new TopicReader(environment.topic)) {
            List<ConsumerRecord<String, byte[]>> records = await().atMost(Duration.ofSeconds(30))
                    .until(() -> topic.journal(journalId), read -> read.stream()
                            .anyMatch(record -> type(record).equals(ERASED)));
            return type(records.getLast());
        }
    }

    private static String type(ConsumerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader(CloudEventsKafka.TYPE).value(), StandardCharsets.UTF_8);
    }

    /** Api answers no headers but Location; the challenge header is compared here. */
    private String wwwAuthenticate(String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .headers()
                    .firstValue("WWW-Authenticate")
                    .orElse("(none)");
        }
    }
}
