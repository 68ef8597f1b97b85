package app.rekindle.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Journals loaded from their snapshot, with the aggregate cache off so that every command loads one: the
 * snapshot keeps what later commands are decided on (which entries exist, which are retracted, which dates are
 * resolved), in its compact format 2, and a snapshot of the old format is passed over, never half-read.
 */
@TestPropertySource(properties = {"rekindle.snapshots.threshold=5", "rekindle.aggregate-cache.max-journals=0"})
class SnapshotIntegrationTest extends CommandServiceTest {

    private static final String CHECK_IN = "{\"mood\":3,\"connection\":4}";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestEnvironment.register(registry, "snapshots");
    }

    private final String alice = Api.tokenFor("alice");

    @Test
    void a_journal_loaded_from_its_snapshot_remembers_its_entries() {
        var ids = api.journalWithEntries(alice);
        String journal = "/journals/" + ids.get("journalId");
        String entry = journal + "/entries/" + ids.get("entryId");
        String happened = journal + "/dates/" + ids.get("dateId") + "/happened";
        assertThat(api.delete(entry + "?reason=duplicate", alice).status()).isEqualTo(200);
        checkIns(journal, 6);
        await().atMost(Duration.ofSeconds(10)).until(() -> snapshotRevision(ids.get("journalId")) != null);

        assertThat(snapshotRevision(ids.get("journalId"))).isEqualTo("2");
        assertThat(snapshotPayload(ids.get("journalId")))
                .contains("\"entries\":[[")
                .contains("[\"" + ids.get("entryId") + "\",\"CONVERSATION\",true,false]")
                .doesNotContain("\"" + ids.get("entryId") + "\":");
        assertThat(api.delete(entry, alice).status()).isEqualTo(409);
        assertThat(api.post(happened, alice, "{\"rating\":5}").status()).isEqualTo(200);
        assertThat(api.post(happened, alice, "{\"rating\":4}").status()).isEqualTo(409);
        assertThat(api.delete(journal + "/entries/" + java.util.UUID.randomUUID(), alice)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void a_snapshot_in_the_old_format_is_passed_over_and_the_journal_loads_from_its_events() {
        var ids = api.journalWithEntries(alice);
        String journalId = ids.get("journalId");
        String entry = "/journals/" + journalId + "/entries/" + ids.get("entryId");
        assertThat(api.delete(entry + "?reason=duplicate", alice).status()).isEqualTo(200);
        checkIns("/journals/" + journalId, 6);
        await().atMost(Duration.ofSeconds(10)).until(() -> snapshotRevision(journalId) != null);
        // Format 1 had no revision and its entries as an object keyed by id; an empty one, read by mistake,
        // would forget the retracted entry.
        String oldFormat = snapshotPayload(journalId).replaceFirst("\"entries\":\\[.*?\\]\\]", "\"byId\":{}");
        jdbc.sql("UPDATE snapshot_event_entry SET payload_revision = NULL, payload = ? WHERE aggregate_identifier = ?")
                .params(oldFormat.getBytes(StandardCharsets.UTF_8), journalId)
                .update();

        assertThat(api.delete(entry, alice).status()).isEqualTo(409);
        assertThat(api.post("/journals/" + journalId + "/check-ins", alice, CHECK_IN)
                        .status())
                .isEqualTo(201);
    }

    private void checkIns(String journal, int count) {
        for (int i = 0; i < count; i++) {
            assertThat(api.post(journal + "/check-ins", alice, CHECK_IN).status())
                    .isEqualTo(201);
        }
    }

    private String snapshotRevision(String journalId) {
        return jdbc.sql("SELECT coalesce(payload_revision, 'none') FROM snapshot_event_entry "
                        + "WHERE aggregate_identifier = ?")
                .param(journalId)
                .query(String.class)
                .optional()
                .map(revision -> revision.equals("none") ? "none" : revision)
                .orElse(null);
    }

    private String snapshotPayload(String journalId) {
        return new String(
                jdbc.sql("SELECT payload FROM snapshot_event_entry WHERE aggregate_identifier = ?")
                        .param(journalId)
                        .query((rs, row) -> rs.getBytes(1))
                        .single(),
                StandardCharsets.UTF_8);
    }
}
