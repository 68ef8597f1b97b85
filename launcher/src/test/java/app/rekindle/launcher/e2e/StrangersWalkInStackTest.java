package app.rekindle.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.launcher.EmbeddedStack;
import app.rekindle.support.testing.BadRequest;
import app.rekindle.support.testing.RawHttp;
import app.rekindle.support.testing.StrangerWalk;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The services' isolation walk ({@link StrangerWalk}, the contract their own StrangersWalkTest runs), here on the
 * real stack with tokens the real provider issued: two people who signed up and took the dashboard's code + PKCE
 * tokens. Every described operation on the owner's journal, sent by the other person, answers exactly like one on
 * a journal that does not exist, on both services, and the stranger's commands record nothing.
 */
class StrangersWalkInStackTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EmbeddedStack stack = RunningStack.get();
    private final CommandDatabase database = new CommandDatabase(stack);
    private final ProviderAccount owner = ProviderAccount.signUp(stack, "walk-owner");
    private final ProviderAccount stranger = ProviderAccount.signUp(stack, "walk-stranger");

    @Test
    void every_described_operation_on_someone_elses_journal_answers_like_a_missing_journal_on_both_services()
            throws Exception {
        Map<String, String> owned = JournalWithEntries.openedBy(stack, owner.accessToken());
        String journalId = owned.get("journalId");
        long events = database.eventCount(journalId);

        walk(stack.commandUrl().toString(), owned, path -> "", 404, 15);
        assertThat(database.eventCount(journalId))
                .as("events of the owner's journal")
                .isEqualTo(events);

        // The reads, also with the as-of replay's parameter and when asked to wait for a version.
        String reads = stack.queryUrl().toString();
        walk(reads, owned, path -> "", 404, 10);
        walk(reads, owned, path -> "?asOf=2026-03-01T12:00:00Z", 404, 10);
        walk(reads, owned, path -> "?minVersion=1", 404, 10);
    }

    private void walk(String service, Map<String, String> owned, Function<String, String> query, int status, int most)
            throws Exception {
        JsonNode spec = JSON.readTree(new RawHttp(service)
                .send(BadRequest.of("spec", "GET", "/v3/api-docs"))
                .body());
        Map<String, String> missing = new HashMap<>(owned);
        missing.put("journalId", UUID.randomUUID().toString());
        List<StrangerWalk.Call> foreign = StrangerWalk.calls(spec, owned, query);
        List<StrangerWalk.Call> absent = StrangerWalk.calls(spec, missing, query);
        RawHttp http = new RawHttp(service);
        assertThat(foreign).as("operations walked on %s", service).hasSizeGreaterThanOrEqualTo(most);
        // Sent all at once: a read asked to wait for a version answers after the service's whole wait (5 s here,
        // as in a real run), for the foreign journal and the missing one alike.
        List<Future<RawHttp.Answer[]>> answers = new ArrayList<>();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < foreign.size(); i++) {
                StrangerWalk.Call toForeign = foreign.get(i);
                StrangerWalk.Call toMissing = absent.get(i);
                answers.add(senders.submit(() ->
                        new RawHttp.Answer[] {http.send(asStranger(toForeign)), http.send(asStranger(toMissing))}));
            }
        }
        for (int i = 0; i < foreign.size(); i++) {
            // Operator commands refuse everyone else with 403 before looking at the journal: alike, too.
            int expected = foreign.get(i).path().startsWith("/admin/") ? 403 : status;
            RawHttp.Answer[] pair = answers.get(i).get();
            StrangerWalk.assertAlike(foreign.get(i), pair[0], pair[1], expected);
        }
    }

    private BadRequest asStranger(StrangerWalk.Call call) {
        BadRequest request =
                BadRequest.of("stranger", call.method(), call.path()).bearer(stranger.accessToken());
        return call.body() == null ? request : request.json(call.body());
    }
}
