package app.rekindle.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.support.testing.BadRequest;
import app.rekindle.support.testing.RawHttp;
import app.rekindle.support.testing.StrangerWalk;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Every described command on a journal, sent by a stranger, answers exactly like one on a missing journal. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StrangersWalkTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestEnvironment.register(registry, "strangers");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final String alice = Api.tokenFor("alice-walk");
    private final String mallory = Api.tokenFor("mallory-walk");

    @Test
    void every_command_on_someone_elses_journal_answers_like_a_missing_journal_and_records_nothing() {
        Api api = new Api(port);
        Map<String, String> owned = api.journalWithEntries(alice);
        String journalId = owned.get("journalId");
        var spec = api.get("/v3/api-docs", null).body();
        Map<String, String> missing = new HashMap<>(owned);
        missing.put("journalId", UUID.randomUUID().toString());
        List<StrangerWalk.Call> foreignCalls = StrangerWalk.calls(spec, owned, path -> "");
        List<StrangerWalk.Call> missingCalls = StrangerWalk.calls(spec, missing, path -> "");
        long events = eventCount(journalId);
        RawHttp http = new RawHttp("http://localhost:" + port);

        assertThat(foreignCalls).hasSizeGreaterThanOrEqualTo(15);
        for (int i = 0; i < foreignCalls.size(); i++) {
            // Operator commands refuse everyone else with 403 before looking at the journal: alike, too.
            int expected = foreignCalls.get(i).path().startsWith("/admin/") ? 403 : 404;
            StrangerWalk.assertAlike(
                    foreignCalls.get(i),
                    http.send(request(foreignCalls.get(i))),
                    http.send(request(missingCalls.get(i))),
                    expected);
        }
        assertThat(eventCount(journalId)).isEqualTo(events);
    }

    /**
     * A generous timing check: the medians of interleaved stranger and missing-journal calls stay within 25 ms
     * or half of the slower one. Loading a journal of a few events is far below that; an extra query per
     * event, a lock wait or a retry would not be.
     */
    @Test
    void a_stranger_cannot_time_the_difference_between_foreign_and_missing_journals() {
        Api api = new Api(port);
        String journalId = api.openJournal(alice);
        for (int i = 0; i < 5; i++) {
            api.post("/journals/" + journalId + "/check-ins", alice, "{\"mood\":3,\"connection\":3}");
        }
        RawHttp http = new RawHttp("http://localhost:" + port);
        String body = "{\"mood\":1,\"connection\":1}";
        int rounds = 21;
        long[] foreign = new long[rounds];
        long[] missing = new long[rounds];
        for (int i = 0; i < rounds + 3; i++) {
            long f = timed(http, journalId, body);
            long m = timed(http, UUID.randomUUID().toString(), body);
            if (i >= 3) { // the first rounds warm both paths up
                foreign[i - 3] = f;
                missing[i - 3] = m;
            }
        }
        long foreignMedian = StrangerWalk.median(foreign);
        long missingMedian = StrangerWalk.median(missing);
        long allowed = Math.max(25_000_000L, Math.max(foreignMedian, missingMedian) / 2);
        System.out.printf(
                "Stranger timing, median of %d: foreign %.2f ms, missing %.2f ms%n",
                rounds, foreignMedian / 1e6, missingMedian / 1e6);
        assertThat(Math.abs(foreignMedian - missingMedian)).isLessThanOrEqualTo(allowed);
    }

    private long timed(RawHttp http, String journalId, String body) {
        long start = System.nanoTime();
        RawHttp.Answer answer = http.send(BadRequest.of("timing", "POST", "/journals/" + journalId + "/check-ins")
                .bearer(mallory)
                .json(body));
        long elapsed = System.nanoTime() - start;
        assertThat(answer.status()).isEqualTo(404);
        return elapsed;
    }

    private BadRequest request(StrangerWalk.Call call) {
        BadRequest request =
                BadRequest.of("stranger", call.method(), call.path()).bearer(mallory);
        return call.body() == null ? request : request.json(call.body());
    }

    private long eventCount(String journalId) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(journalId)
                .query(Long.class)
                .single();
    }
}
