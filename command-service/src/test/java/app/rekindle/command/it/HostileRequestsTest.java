package app.rekindle.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.events.JournalEvent.ReflectionLogged;
import app.rekindle.support.testing.BadRequest;
import app.rekindle.support.testing.HostileRun;
import app.rekindle.support.testing.Tokens;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Hundreds of bad requests against every operation of the running service: each is refused with a 4xx
 * problem+json naming the field and rule, echoes nothing it was sent, and the journal is unchanged afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileRequestsTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestEnvironment.register(registry, "hostile");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventStore eventStore;

    private final String alice = Api.tokenFor("alice-hostile");

    @Test
    void every_bad_request_is_refused_with_a_problem_naming_the_field_and_changes_nothing() {
        Api api = new Api(port);
        Map<String, String> ids = api.journalWithEntries(alice);
        String journalId = ids.get("journalId");
        Tokens tokens = Tokens.ofTestIssuer();
        List<BadRequest> corpus = new CommandCorpus(
                        api.get("/v3/api-docs", null).body(), ids, alice, tokens.bad("alice-hostile"))
                .build();
        Snapshot before = snapshot(journalId);

        HostileRun run = HostileRun.of("http://localhost:" + port, corpus);

        run.assertEveryOneRefused(200);
        assertThat(snapshot(journalId)).isEqualTo(before);
    }

    @Test
    void injection_strings_in_free_text_are_stored_as_the_text_they_are() {
        Api api = new Api(port);
        String journalId = api.openJournal(alice);
        String text = "'; DROP TABLE domain_event_entry; -- <script>alert(1)</script> ${jndi:ldap://x/a} 💛";
        Api.Response logged = api.post(
                "/journals/" + journalId + "/reflections",
                alice,
                Api.JSON.writeValueAsString(Map.of("occurredOn", "2026-02-20", "text", text)));

        assertThat(logged.status()).isEqualTo(201);
        // Stored sealed; read back through the event store it is exactly the text sent.
        Object stored = eventStore
                .readEvents(journalId)
                .asStream()
                .reduce((first, second) -> second)
                .orElseThrow()
                .getPayload();
        assertThat(stored).isInstanceOfSatisfying(ReflectionLogged.class, reflection -> assertThat(reflection.text())
                .isEqualTo(text));
    }

    private record Snapshot(long journalEvents, long allEvents, long idempotencyRecords) {}

    private Snapshot snapshot(String journalId) {
        return new Snapshot(
                jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?")
                        .param(journalId)
                        .query(Long.class)
                        .single(),
                jdbc.sql("SELECT count(*) FROM domain_event_entry")
                        .query(Long.class)
                        .single(),
                jdbc.sql("SELECT count(*) FROM idempotency_record")
                        .query(Long.class)
                        .single());
    }
}
