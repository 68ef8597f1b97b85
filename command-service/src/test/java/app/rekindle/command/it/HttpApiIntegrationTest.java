package app.rekindle.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The HTTP contract: statuses, problem+json bodies, ownership, If-Match. */
class HttpApiIntegrationTest extends CommandServiceTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestEnvironment.register(registry, "http");
    }

    private final String alice = Api.tokenFor("alice");

    @Test
    void opening_a_journal_answers_201_with_its_location_and_version_zero() {
        Api.Response opened = api.post(
                "/journals",
                alice,
                "{\"partnerName\":\"Sam\",\"intention\":\"Find our way back\",\"timezone\":\"Europe/Berlin\"}");
        assertThat(opened.status()).isEqualTo(201);
        String journalId = opened.body().get("journalId").asString();
        assertThat(opened.location()).endsWith("/journals/" + journalId);
        assertThat(opened.body().get("version").asLong()).isZero();
    }

    @Test
    void a_rejected_command_records_nothing() {
        String journalId = api.openJournal(alice);
        Api.Response rejected =
                api.post("/journals/" + journalId + "/steps/communicate-openly/completion", alice, "{}");
        assertThat(rejected.status()).isEqualTo(409);
        assertThat(rejected.contentType()).startsWith("application/problem+json");
        assertThat(rejected.body().get("type").asString()).isEqualTo("https://rekindle.app/problems/step-not-started");
        assertThat(eventCount(journalId)).isEqualTo(1);
    }

    @Test
    void completing_a_step_with_nothing_logged_answers_422() {
        String journalId = api.openJournal(alice);
        assertThat(api.post("/journals/" + journalId + "/steps/reflect-on-the-past/start", alice, null)
                        .status())
                .isEqualTo(200);
        Api.Response rejected = api.post(
                "/journals/" + journalId + "/steps/reflect-on-the-past/completion", alice, "{\"summary\":\"done\"}");
        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.body().get("type").asString()).isEqualTo("https://rekindle.app/problems/step-not-ready");
        assertThat(eventCount(journalId)).isEqualTo(2);
    }

    @Test
    void someone_elses_journal_answers_exactly_like_a_missing_one() {
        String journalId = api.openJournal(alice);
        String mallory = Api.tokenFor("mallory");
        Api.Response foreign =
                api.post("/journals/" + journalId + "/check-ins", mallory, "{\"mood\":1,\"connection\":1}");
        Api.Response missing =
                api.post("/journals/" + UUID.randomUUID() + "/check-ins", mallory, "{\"mood\":1,\"connection\":1}");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(withoutInstance(foreign)).isEqualTo(withoutInstance(missing));
        assertThat(foreign.body().get("instance").asString()).isEqualTo("/journals/" + journalId + "/check-ins");
        assertThat(eventCount(journalId)).isEqualTo(1);
    }

    @Test
    void an_erased_journal_answers_like_a_missing_one() {
        String journalId = api.openJournal(alice);
        assertThat(api.delete("/journals/" + journalId, alice).status()).isEqualTo(200);
        Api.Response erased = api.post("/journals/" + journalId + "/check-ins", alice, "{\"mood\":1,\"connection\":1}");
        Api.Response missing =
                api.post("/journals/" + UUID.randomUUID() + "/check-ins", alice, "{\"mood\":1,\"connection\":1}");
        assertThat(erased.status()).isEqualTo(404);
        assertThat(withoutInstance(erased)).isEqualTo(withoutInstance(missing));
    }

    @Test
    void a_request_without_a_token_answers_401_problem_json() {
        Api.Response anonymous = api.post("/journals", null, "{}");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.body().get("status").asInt()).isEqualTo(401);
    }

    @Test
    void there_is_no_token_endpoint_here_any_more() {
        assertThat(api.post("/dev/tokens", null, "{\"username\":\"bob\"}").status())
                .isEqualTo(401);
        assertThat(api.post("/dev/tokens", alice, "{\"username\":\"bob\"}").status())
                .isEqualTo(404);
    }

    @Test
    void a_stale_if_match_answers_409_and_records_nothing() {
        String journalId = api.openJournal(alice);
        assertThat(api.post(
                                "/journals/" + journalId + "/check-ins",
                                alice,
                                "{\"mood\":3,\"connection\":3}",
                                "If-Match",
                                "\"0\"")
                        .status())
                .isEqualTo(201);
        Api.Response stale = api.post(
                "/journals/" + journalId + "/check-ins", alice, "{\"mood\":3,\"connection\":3}", "If-Match", "\"0\"");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body().get("type").asString()).isEqualTo("https://rekindle.app/problems/version-conflict");
        assertThat(eventCount(journalId)).isEqualTo(2);
    }

    @Test
    void an_if_match_from_a_stranger_reveals_nothing_about_the_journal() {
        String journalId = api.openJournal(alice);
        String mallory = Api.tokenFor("mallory");
        Api.Response foreign = api.post(
                "/journals/" + journalId + "/check-ins", mallory, "{\"mood\":1,\"connection\":1}", "If-Match", "\"7\"");
        Api.Response missing = api.post(
                "/journals/" + UUID.randomUUID() + "/check-ins",
                mallory,
                "{\"mood\":1,\"connection\":1}",
                "If-Match",
                "\"7\"");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(withoutInstance(foreign)).isEqualTo(withoutInstance(missing));
        assertThat(eventCount(journalId)).isEqualTo(1);
    }

    @Test
    void field_rules_answer_400_naming_each_field() {
        String journalId = api.openJournal(alice);
        Api.Response invalid = api.post("/journals/" + journalId + "/conversations", alice, Api.conversation(7));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().get("errors").get(0).get("field").asString()).isEqualTo("feltHeard");
        assertThat(invalid.body().get("errors").get(0).get("rule").asString()).isEqualTo("range");
    }

    @Test
    void an_unknown_property_answers_400_naming_it() {
        String journalId = api.openJournal(alice);
        Api.Response invalid = api.post(
                "/journals/" + journalId + "/check-ins",
                alice,
                "{\"mood\":3,\"connection\":3,\"secret\":\"do not echo\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().get("errors").get(0).get("field").asString()).isEqualTo("secret");
        assertThat(invalid.body().toString()).doesNotContain("do not echo");
    }

    @Test
    void an_unknown_enum_value_answers_400_naming_the_field() {
        String journalId = api.openJournal(alice);
        Api.Response invalid = api.post(
                "/journals/" + journalId + "/gestures",
                alice,
                "{\"occurredAt\":\"2026-02-28T19:30:00Z\",\"kind\":\"SERENADE\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().get("errors").get(0).get("field").asString()).isEqualTo("kind");
    }

    @Test
    void a_journal_id_that_is_not_a_uuid_answers_400() {
        Api.Response invalid = api.post("/journals/not-a-uuid/check-ins", alice, "{\"mood\":3,\"connection\":3}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().get("errors").get(0).get("field").asString()).isEqualTo("journalId");
    }

    @Test
    void an_unknown_step_answers_404() {
        String journalId = api.openJournal(alice);
        Api.Response unknown = api.post("/journals/" + journalId + "/steps/learn-to-juggle/start", alice, null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("title").asString()).isEqualTo("No such step");
    }

    @Test
    void a_date_is_planned_then_happens_once() {
        String journalId = api.openJournal(alice);
        Api.Response planned = api.post(
                "/journals/" + journalId + "/dates",
                alice,
                "{\"plannedFor\":\"2026-12-24T18:00:00Z\",\"idea\":\"Picnic\",\"kind\":\"RECREATED_MEMORY\"}");
        assertThat(planned.status()).isEqualTo(201);
        String dateId = planned.body().get("dateId").asString();
        String happened = "/journals/" + journalId + "/dates/" + dateId + "/happened";
        assertThat(api.post(happened, alice, "{\"rating\":5,\"memory\":\"Lovely\"}")
                        .body()
                        .get("version")
                        .asLong())
                .isEqualTo(3);
        assertThat(api.post(happened, alice, "{\"rating\":4}").status()).isEqualTo(409);
    }

    @Test
    void entries_can_be_amended_and_retracted() {
        String journalId = api.openJournal(alice);
        String entryId = api.post("/journals/" + journalId + "/conversations", alice, Api.conversation(3))
                .body()
                .get("entryId")
                .asString();
        String entry = "/journals/" + journalId + "/entries/" + entryId;
        Api.Response amended = api.post(
                entry + "/amendment", alice, "{\"changes\":{\"feltHeard\":5},\"reason\":\"I remembered wrong\"}");
        assertThat(amended.status()).isEqualTo(200);
        assertThat(amended.body().get("version").asLong()).isEqualTo(3);
        assertThat(api.delete(entry + "?reason=duplicate", alice)
                        .body()
                        .get("version")
                        .asLong())
                .isEqualTo(4);
        assertThat(api.delete(entry, alice).status()).isEqualTo(409);
    }

    @Test
    void the_api_is_documented_and_health_is_public() {
        Api.Response docs = api.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().at("/components/securitySchemes/bearer/scheme").asString())
                .isEqualTo("bearer");
        assertThat(api.get("/actuator/health/liveness", null).status()).isEqualTo(200);
    }

    /** The instance is the request path each caller sent; everything else must be identical. */
    private static JsonNode withoutInstance(Api.Response response) {
        ObjectNode body = ((ObjectNode) response.body()).deepCopy();
        body.remove("instance");
        return body;
    }

    private long eventCount(String journalId) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(journalId)
                .query(Long.class)
                .single();
    }
}
