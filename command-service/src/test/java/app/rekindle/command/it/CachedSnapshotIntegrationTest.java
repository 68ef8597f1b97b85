package app.rekindle.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Snapshots of journals held in the journal cache, which are written from the cached journal instead of being read
 * back from the store: once the cache has forgotten the journal, it loads from that snapshot and decides as it did.
 */
@TestPropertySource(properties = "rekindle.snapshots.threshold=5")
class CachedSnapshotIntegrationTest extends CommandServiceTest {

    private static final String CHECK_IN = "{\"mood\":3,\"connection\":4}";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestEnvironment.register(registry, "cachedsnapshots");
    }

    @Autowired
    Cache journalCache;

    private final String alice = Api.tokenFor("alice");

    @Test
    void a_snapshot_of_a_cached_journal_is_of_a_committed_version_and_loads_as_its_events_would() {
        var ids = api.journalWithEntries(alice);
        String journalId = ids.get("journalId");
        String journal = "/journals/" + journalId;
        String entry = journal + "/entries/" + ids.get("entryId");
        String happened = journal + "/dates/" + ids.get("dateId") + "/happened";
        assertThat(api.delete(entry + "?reason=duplicate", alice).status()).isEqualTo(200);
        for (int i = 0; i < 6; i++) {
            assertThat(api.post(journal + "/check-ins", alice, CHECK_IN).status())
                    .isEqualTo(201);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> snapshotSequence(journalId) != null);

        assertThat(snapshotSequence(journalId)).isBetween(4L, lastSequence(journalId));
        assertThat(snapshotPayload(journalId)).contains("[\"" + ids.get("entryId") + "\",\"CONVERSATION\",true,false]");
        journalCache.removeAll();
        assertThat(api.delete(entry, alice).status()).isEqualTo(409);
        assertThat(api.post(happened, alice, "{\"rating\":5}").status()).isEqualTo(200);
        assertThat(api.post(happened, alice, "{\"rating\":4}").status()).isEqualTo(409);
        var checkIn = api.post(journal + "/check-ins", alice, CHECK_IN);
        assertThat(checkIn.status()).isEqualTo(201);
        assertThat(checkIn.body().get("version").asLong()).isEqualTo(lastSequence(journalId));
    }

    private Long snapshotSequence(String journalId) {
        return jdbc.sql("SELECT max(sequence_number) FROM snapshot_event_entry WHERE aggregate_identifier = ?")
                .param(journalId)
                .query(Long.class)
                .single();
    }

    private long lastSequence(String journalId) {
        return jdbc.sql("SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(journalId)
                .query(Long.class)
                .single();
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
