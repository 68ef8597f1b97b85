package app.rekindle.query.hostile;

import app.rekindle.query.QueryServiceTest;
import app.rekindle.query.TestApi;
import app.rekindle.query.TestJournal;
import app.rekindle.query.projection.Projector;
import app.rekindle.support.testing.EdgeAnswersContract;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@link EdgeAnswersContract} against the query service: Tomcat's own refusals, and the actuator for operators. */
class EdgeAnswersTest extends QueryServiceTest implements EdgeAnswersContract {

    @Autowired
    Projector projector;

    @LocalServerPort
    int port;

    private TestJournal journal;

    @Override
    public int port() {
        return port;
    }

    @Override
    public String personToken() {
        return TestApi.token("alice-edge-reads");
    }

    @Override
    public String operatorToken() {
        return TestApi.token(ADMIN);
    }

    /** The journal's views as its owner reads them: nothing refused at the edge may change them. */
    @Override
    public List<String> journalState() {
        if (journal == null) {
            journal = new TestJournal("alice-edge-reads");
            projector.apply(journal.publish(journal.opened()));
            projector.apply(journal.publish(journal.checkIn("fine")));
        }
        TestApi api = new TestApi(port);
        String base = "/journals/" + journal.id;
        return List.of(
                api.get(base, journal.owner).raw(),
                api.get(base + "/timeline", journal.owner).raw(),
                api.get(base + "/progress", journal.owner).raw());
    }
}
