package app.rekindle.command.it;

import app.rekindle.support.testing.EdgeAnswersContract;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link EdgeAnswersContract} against the command service: Tomcat's own refusals, and the actuator for operators. */
class EdgeAnswersTest extends CommandServiceTest implements EdgeAnswersContract {

    private static final String OPERATOR = "ops-edge";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestEnvironment.register(registry, "edge");
        registry.add("rekindle.admin.subjects", () -> OPERATOR);
    }

    private final String alice = Api.tokenFor("alice-edge");
    private String journalId;

    @Override
    public int port() {
        return port;
    }

    @Override
    public String personToken() {
        return alice;
    }

    @Override
    public String operatorToken() {
        return Api.tokenFor(OPERATOR);
    }

    /** The journal's events in order: nothing refused at the edge may add, change or remove one. */
    @Override
    public List<String> journalState() {
        if (journalId == null) {
            journalId = api.openJournal(alice);
            api.post("/journals/" + journalId + "/check-ins", alice, "{\"mood\":4,\"connection\":3}");
        }
        return jdbc.sql("SELECT sequence_number || ' ' || payload_type FROM domain_event_entry"
                        + " WHERE aggregate_identifier = ? ORDER BY sequence_number")
                .param(journalId)
                .query(String.class)
                .list();
    }
}
