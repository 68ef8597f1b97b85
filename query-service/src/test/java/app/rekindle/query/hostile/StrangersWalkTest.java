package app.rekindle.query.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.events.JournalEvent;
import app.rekindle.query.QueryServiceTest;
import app.rekindle.query.TestApi;
import app.rekindle.query.TestJournal;
import app.rekindle.query.projection.Projector;
import app.rekindle.support.testing.BadRequest;
import app.rekindle.support.testing.RawHttp;
import app.rekindle.support.testing.StrangerWalk;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every described read of a journal (views, history, live stream, export, as-of replay …), asked by a
 * stranger, answers exactly like a read of a journal that does not exist; also when asked to wait for a version.
 */
class StrangersWalkTest extends QueryServiceTest {

    @Autowired
    Projector projector;

    @LocalServerPort
    int port;

    private final TestJournal journal = new TestJournal("alice-walk-" + UUID.randomUUID());

    @Test
    void every_read_of_someone_elses_journal_answers_like_a_missing_journal() {
        JournalEvent.CheckedIn checkIn = seed();
        var spec = new TestApi(port).get("/v3/api-docs", null).body();
        String entryId = checkIn.entryId().toString();
        // Operations described with a required parameter (the as-of replay) are walked with and without it.
        walk(spec, entryId, path -> "", 404);
        walk(spec, entryId, path -> "?asOf=2026-03-01T12:00:00Z", 404);
        walk(spec, entryId, path -> "?minVersion=1", 404);
    }

    @Test
    void a_stranger_cannot_time_the_difference_between_foreign_and_missing_journals() {
        seed();
        RawHttp http = new RawHttp("http://localhost:" + port);
        String token = TestApi.token("mallory-walk");
        int rounds = 21;
        long[] foreign = new long[rounds];
        long[] missing = new long[rounds];
        for (int i = 0; i < rounds + 3; i++) {
            long f = timed(http, token, journal.id.toString());
            long m = timed(http, token, UUID.randomUUID().toString());
            if (i >= 3) { // the first rounds warm both paths up
                foreign[i - 3] = f;
                missing[i - 3] = m;
            }
        }
        long foreignMedian = StrangerWalk.median(foreign);
        long missingMedian = StrangerWalk.median(missing);
        System.out.printf(
                "Stranger timing, median of %d: foreign %.2f ms, missing %.2f ms%n",
                rounds, foreignMedian / 1e6, missingMedian / 1e6);
        // Generous on purpose (a loaded build machine): both answer after the same single ownership lookup.
        assertThat(Math.abs(foreignMedian - missingMedian))
                .isLessThanOrEqualTo(Math.max(25_000_000L, Math.max(foreignMedian, missingMedian) / 2));
    }

    private void walk(
            tools.jackson.databind.JsonNode spec,
            String entryId,
            java.util.function.Function<String, String> query,
            int status) {
        List<StrangerWalk.Call> foreign =
                StrangerWalk.calls(spec, Map.of("journalId", journal.id.toString(), "entryId", entryId), query);
        List<StrangerWalk.Call> missing =
                StrangerWalk.calls(spec, Map.of("journalId", UUID.randomUUID().toString(), "entryId", entryId), query);
        RawHttp http = new RawHttp("http://localhost:" + port);
        String token = TestApi.token("mallory-walk");
        assertThat(foreign).hasSizeGreaterThanOrEqualTo(10);
        for (int i = 0; i < foreign.size(); i++) {
            // Operator commands refuse everyone else with 403 before looking at the journal: alike, too.
            int expected = foreign.get(i).path().startsWith("/admin/") ? 403 : status;
            StrangerWalk.assertAlike(
                    foreign.get(i),
                    http.send(get(foreign.get(i), token)),
                    http.send(get(missing.get(i), token)),
                    expected);
        }
    }

    private JournalEvent.CheckedIn seed() {
        projector.apply(journal.publish(journal.opened()));
        JournalEvent.CheckedIn checkIn = journal.checkIn("fine");
        projector.apply(journal.publish(checkIn));
        return checkIn;
    }

    private static BadRequest get(StrangerWalk.Call call, String token) {
        return BadRequest.of("stranger", call.method(), call.path()).bearer(token);
    }

    private static long timed(RawHttp http, String token, String journalId) {
        long start = System.nanoTime();
        RawHttp.Answer answer = http.send(BadRequest.of("timing", "GET", "/journals/" + journalId + "/timeline")
                .bearer(token));
        long elapsed = System.nanoTime() - start;
        assertThat(answer.status()).isEqualTo(404);
        return elapsed;
    }
}
