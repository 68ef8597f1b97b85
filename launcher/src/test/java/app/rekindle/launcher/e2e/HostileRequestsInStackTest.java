package app.rekindle.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.embedded.LocalJwtKeys;
import app.rekindle.launcher.EmbeddedStack;
import app.rekindle.support.testing.BadRequest;
import app.rekindle.support.testing.CommandCorpus;
import app.rekindle.support.testing.HostileRun;
import app.rekindle.support.testing.QueryCorpus;
import app.rekindle.support.testing.RawHttp;
import app.rekindle.support.testing.Tokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The services' hostile corpora ({@link CommandCorpus}, {@link QueryCorpus}, the ones their own
 * HostileRequestsTest runs) against the real stack, with the token of a person who signed up on the real
 * provider. Every bad token differs from a good one in one thing only — signed with the stack's own key under its
 * issuer, but expired, for another audience, unsigned … — so each is refused for that one flaw.
 */
class HostileRequestsInStackTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EmbeddedStack stack = RunningStack.get();
    private final CommandDatabase database = new CommandDatabase(stack);
    private final ProviderAccount owner = ProviderAccount.signUp(stack, "hostile-owner");
    private final Map<String, String> badTokens = Tokens.signedWith(
                    LocalJwtKeys.createOrLoad(stack.keysDir()),
                    stack.identityUrl().toString())
            .bad(owner.subject());

    @Test
    void every_bad_command_is_refused_with_a_problem_naming_the_field_and_changes_nothing() {
        Map<String, String> ids = JournalWithEntries.openedBy(stack, owner.accessToken());
        String journalId = ids.get("journalId");
        String service = stack.commandUrl().toString();
        List<BadRequest> corpus = new CommandCorpus(spec(service), ids, owner.accessToken(), badTokens).build();
        long events = database.eventCount(journalId);
        List<String> totals = database.totals();

        HostileRun run = HostileRun.of(service, corpus);

        run.assertEveryOneRefused(200);
        assertThat(database.eventCount(journalId)).isEqualTo(events);
        assertThat(database.totals()).as("events and idempotency records").isEqualTo(totals);
    }

    @Test
    void every_bad_read_is_refused_with_a_problem_naming_the_parameter_and_changes_nothing() {
        Map<String, String> ids = JournalWithEntries.openedBy(stack, owner.accessToken());
        String service = stack.queryUrl().toString();
        List<BadRequest> corpus = new QueryCorpus(
                        spec(service),
                        Map.of("journalId", ids.get("journalId"), "entryId", ids.get("entryId")),
                        owner.accessToken(),
                        badTokens)
                .build();
        List<String> before = views(ids.get("journalId"));

        HostileRun run = HostileRun.of(service, corpus);

        run.assertEveryOneRefused(200);
        assertThat(views(ids.get("journalId"))).isEqualTo(before);
    }

    private List<String> views(String journalId) {
        Http reads = new Http(stack.queryUrl(), owner.accessToken());
        return List.of("", "/timeline", "/progress", "/history").stream()
                .map(view -> reads.get("/journals/" + journalId + view).body().toString())
                .toList();
    }

    private static JsonNode spec(String service) {
        return JSON.readTree(new RawHttp(service)
                .send(BadRequest.of("spec", "GET", "/v3/api-docs"))
                .body());
    }
}
