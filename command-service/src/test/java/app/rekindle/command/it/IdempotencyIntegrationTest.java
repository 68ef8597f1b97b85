package app.rekindle.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A retried POST with the same Idempotency-Key returns the first answer and records nothing twice. */
class IdempotencyIntegrationTest extends CommandServiceTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestEnvironment.register(registry, "idempotency");
    }

    private final String alice = Api.tokenFor("alice");

    @Test
    void a_retried_post_returns_the_first_answer_and_records_nothing_twice() {
        String journalId = api.openJournal(alice);
        String key = UUID.randomUUID().toString();
        Api.Response first = api.post(
                "/journals/" + journalId + "/conversations", alice, Api.conversation(4), "Idempotency-Key", key);
        Api.Response retry = api.post(
                "/journals/" + journalId + "/conversations", alice, Api.conversation(4), "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.location()).isEqualTo(first.location());
        assertThat(eventCount(journalId)).isEqualTo(3);
    }

    @Test
    void opening_a_journal_twice_with_one_key_opens_one_journal() {
        String key = UUID.randomUUID().toString();
        String body = "{\"partnerName\":\"Sam\",\"intention\":\"Again\",\"timezone\":\"UTC\"}";
        Api.Response first = api.post("/journals", alice, body, "Idempotency-Key", key);
        Api.Response retry = api.post("/journals", alice, body, "Idempotency-Key", key);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.location()).isEqualTo(first.location());
    }

    @Test
    void concurrent_duplicates_record_once_and_all_get_the_same_answer() throws Exception {
        String journalId = api.openJournal(alice);
        String key = UUID.randomUUID().toString();
        Callable<Api.Response> post = () -> api.post(
                "/journals/" + journalId + "/check-ins",
                alice,
                "{\"mood\":4,\"connection\":4}",
                "Idempotency-Key",
                key);
        List<Api.Response> answers;
        try (ExecutorService clients = Executors.newFixedThreadPool(6)) {
            List<Future<Api.Response>> futures =
                    clients.invokeAll(IntStream.range(0, 6).mapToObj(i -> post).toList());
            answers = futures.stream().map(IdempotencyIntegrationTest::get).toList();
        }
        assertThat(answers).extracting(Api.Response::status).containsOnly(201);
        assertThat(answers)
                .extracting(Api.Response::body)
                .containsOnly(answers.getFirst().body());
        assertThat(eventCount(journalId)).isEqualTo(2);
    }

    @Test
    void after_erasure_every_retried_write_answers_404_like_a_missing_journal() {
        String openKey = UUID.randomUUID().toString();
        String openBody = "{\"partnerName\":\"Sam\",\"intention\":\"Erase me\",\"timezone\":\"UTC\"}";
        String journalId = api.post("/journals", alice, openBody, "Idempotency-Key", openKey)
                .body()
                .get("journalId")
                .asString();
        String checkInKey = UUID.randomUUID().toString();
        String checkIns = "/journals/" + journalId + "/check-ins";
        assertThat(api.post(checkIns, alice, "{\"mood\":4,\"connection\":4}", "Idempotency-Key", checkInKey)
                        .status())
                .isEqualTo(201);
        String eraseKey = UUID.randomUUID().toString();
        assertThat(api.delete("/journals/" + journalId, alice, "Idempotency-Key", eraseKey)
                        .status())
                .isEqualTo(200);
        long stored = eventCount(journalId);
        long opened = journalsOpened();
        Api.Response missing =
                api.post("/journals/" + UUID.randomUUID() + "/check-ins", alice, "{\"mood\":4,\"connection\":4}");

        List<Api.Response> retries = List.of(
                api.post(checkIns, alice, "{\"mood\":4,\"connection\":4}", "Idempotency-Key", checkInKey),
                api.delete("/journals/" + journalId, alice, "Idempotency-Key", eraseKey),
                api.post("/journals", alice, openBody, "Idempotency-Key", openKey));

        assertThat(missing.status()).isEqualTo(404);
        assertThat(retries).allSatisfy(retry -> {
            assertThat(retry.status()).isEqualTo(404);
            assertThat(retry.contentType()).startsWith("application/problem+json");
            assertThat(retry.body().get("type")).isEqualTo(missing.body().get("type"));
            assertThat(retry.body().get("detail")).isEqualTo(missing.body().get("detail"));
        });
        assertThat(eventCount(journalId)).isEqualTo(stored);
        assertThat(journalsOpened())
                .as("the retried open opened no second journal")
                .isEqualTo(opened);
    }

    @Test
    void the_same_key_with_a_different_body_answers_422() {
        String journalId = api.openJournal(alice);
        String key = UUID.randomUUID().toString();
        api.post(
                "/journals/" + journalId + "/check-ins",
                alice,
                "{\"mood\":4,\"connection\":4}",
                "Idempotency-Key",
                key);
        Api.Response reused = api.post(
                "/journals/" + journalId + "/check-ins",
                alice,
                "{\"mood\":1,\"connection\":4}",
                "Idempotency-Key",
                key);
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.body().get("type").asString())
                .isEqualTo("https://rekindle.app/problems/idempotency-key-reused");
        assertThat(eventCount(journalId)).isEqualTo(2);
    }

    @Test
    void the_same_key_from_another_person_is_their_own() {
        String key = UUID.randomUUID().toString();
        String body = "{\"partnerName\":\"Sam\",\"intention\":\"Again\",\"timezone\":\"UTC\"}";
        Api.Response alices = api.post("/journals", alice, body, "Idempotency-Key", key);
        Api.Response bobs = api.post("/journals", Api.tokenFor("bob"), body, "Idempotency-Key", key);
        assertThat(bobs.status()).isEqualTo(201);
        assertThat(bobs.body().get("journalId")).isNotEqualTo(alices.body().get("journalId"));
    }

    @Test
    void a_rejected_command_does_not_use_up_its_key() {
        String journalId = api.openJournal(alice);
        String key = UUID.randomUUID().toString();
        String completion = "/journals/" + journalId + "/steps/give-each-other-space/completion";
        assertThat(api.post(completion, alice, "{}", "Idempotency-Key", key).status())
                .isEqualTo(409);
        assertThat(jdbc.sql("SELECT count(*) FROM idempotency_record WHERE idempotency_key = ?")
                        .param(key)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private static Api.Response get(Future<Api.Response> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long journalsOpened() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE sequence_number = 0")
                .query(Long.class)
                .single();
    }

    private long eventCount(String journalId) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(journalId)
                .query(Long.class)
                .single();
    }
}
