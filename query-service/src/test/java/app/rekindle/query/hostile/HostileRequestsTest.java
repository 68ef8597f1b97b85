package app.rekindle.query.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.events.JournalEvent;
import app.rekindle.query.QueryServiceTest;
import app.rekindle.query.TestApi;
import app.rekindle.query.TestJournal;
import app.rekindle.query.projection.Projector;
import app.rekindle.support.testing.BadRequest;
import app.rekindle.support.testing.HostileRun;
import app.rekindle.support.testing.Tokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Hundreds of bad requests against every operation of the running service: each is refused with a 4xx
 * problem+json naming the parameter and rule, echoes nothing it was sent, and the journal's views read the
 * same afterwards.
 */
class HostileRequestsTest extends QueryServiceTest {

    @Autowired
    Projector projector;

    @LocalServerPort
    int port;

    @Test
    void every_bad_request_is_refused_with_a_problem_naming_the_parameter_and_changes_nothing() {
        TestApi api = new TestApi(port);
        TestJournal journal = new TestJournal("alice-hostile-reads");
        projector.apply(journal.publish(journal.opened()));
        JournalEvent.CheckedIn checkIn = journal.checkIn("fine");
        projector.apply(journal.publish(checkIn));
        Tokens tokens = Tokens.ofTestIssuer();
        List<BadRequest> corpus = new QueryCorpus(
                        api.get("/v3/api-docs", null).body(),
                        Map.of(
                                "journalId",
                                journal.id.toString(),
                                "entryId",
                                checkIn.entryId().toString()),
                        tokens.valid(journal.owner),
                        tokens.bad(journal.owner))
                .build();
        List<String> before = views(api, journal);

        HostileRun run = HostileRun.of("http://localhost:" + port, corpus);

        run.assertEveryOneRefused(200);
        assertThat(views(api, journal)).isEqualTo(before);
    }

    private static List<String> views(TestApi api, TestJournal journal) {
        String base = "/journals/" + journal.id;
        return List.of(
                api.get(base, journal.owner).raw(),
                api.get(base + "/timeline", journal.owner).raw(),
                api.get(base + "/progress", journal.owner).raw(),
                api.get(base + "/history", journal.owner).raw());
    }
}
