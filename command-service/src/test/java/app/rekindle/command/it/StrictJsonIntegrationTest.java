package app.rekindle.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Strict JSON where it meets the command service's other rules: a refused body leaves its Idempotency-Key
 * unclaimed, and an amendment's changes (JSON scalars by design) keep their own per-field type rule.
 * {@code HostileRequestsTest} sends every strict-JSON case to every body property.
 */
class StrictJsonIntegrationTest extends CommandServiceTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestEnvironment.register(registry, "strict");
    }

    private final String alice = Api.tokenFor("alice-strict");

    @Test
    void a_body_refused_as_unreadable_names_the_field_and_leaves_its_idempotency_key_unclaimed() {
        String journalId = api.openJournal(alice);
        String checkIns = "/journals/" + journalId + "/check-ins";
        String key = UUID.randomUUID().toString();

        Api.Response refused = api.post(checkIns, alice, "{\"mood\":\"4\",\"connection\":3}", "Idempotency-Key", key);
        Api.Response accepted = api.post(checkIns, alice, "{\"mood\":4,\"connection\":3}", "Idempotency-Key", key);
        Api.Response replayed = api.post(checkIns, alice, "{\"mood\":4,\"connection\":3}", "Idempotency-Key", key);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().at("/errors/0/field").asString()).isEqualTo("mood");
        assertThat(refused.body().at("/errors/0/rule").asString()).isEqualTo("readable");
        assertThat(accepted.status()).isEqualTo(201);
        assertThat(replayed.body()).isEqualTo(accepted.body());
    }

    @Test
    void amendment_changes_keep_their_own_type_rule_and_well_typed_values_pass() {
        String journalId = api.openJournal(alice);
        String entryId = api.post("/journals/" + journalId + "/conversations", alice, Api.conversation(3))
                .body()
                .get("entryId")
                .asString();
        String amendment = "/journals/" + journalId + "/entries/" + entryId + "/amendment";
        Map<String, String> wrongTypes = Map.of(
                "{\"changes\":{\"feltHeard\":\"4\"}}", "changes.feltHeard",
                "{\"changes\":{\"topic\":123}}", "changes.topic",
                "{\"changes\":{\"occurredAt\":1767225600}}", "changes.occurredAt");

        wrongTypes.forEach((body, field) -> {
            Api.Response refused = api.post(amendment, alice, body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.body().at("/errors/0/field").asString()).as(body).isEqualTo(field);
            assertThat(refused.body().at("/errors/0/rule").asString()).as(body).isEqualTo("type");
        });
        Api.Response amended = api.post(amendment, alice, "{\"changes\":{\"feltHeard\":4,\"topic\":\"Evenings\"}}");
        assertThat(amended.status()).isEqualTo(200);
        assertThat(amended.body().get("version").asLong()).isEqualTo(3);
    }
}
