package app.rekindle.benchmark;

import app.rekindle.events.privacy.DataKey;
import app.rekindle.events.privacy.FreeTextCipher;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * Journals the benchmark writes into the event store itself (the scale section's fill, the publisher's backlog)
 * get their rows in the command service's {@code journal_key}: each data key wrapped under the
 * run's master key as the command service's {@code keys.MasterKey} wraps it (AES-GCM bound to
 * {@code rekindle-journal-key|<journal>|<key id>}), so the command service serves them to the query service
 * like any other. A wrapping that differed would fail there: the query service would dead-letter every event of
 * those journals, and the views would never catch up.
 */
public final class JournalKeyRows {

    /** The launcher's file (ServiceCredentials.MASTER_KEY_FILE) beside the JWT keys. */
    private static final String MASTER_KEY_FILE = "master.key";

    private JournalKeyRows() {}

    /** Stores each journal's key, in one transaction committed before any of their events is stored. */
    public static void insert(Testbed bed, Map<UUID, DataKey> keys) throws Exception {
        DataKey master = master(bed);
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection events = bed.connect("events");
                PreparedStatement insert = events.prepareStatement("""
                        insert into events.journal_key (journal_id, key_id, wrapped_key, created_at)
                        values (?, ?, ?, ?)""")) {
            events.setAutoCommit(false);
            int pending = 0;
            for (Map.Entry<UUID, DataKey> journal : keys.entrySet()) {
                DataKey key = journal.getValue();
                String raw = Base64.getEncoder().encodeToString(key.raw());
                insert.setObject(1, journal.getKey());
                insert.setString(2, key.keyId());
                insert.setString(
                        3,
                        FreeTextCipher.seal(
                                raw, master, "rekindle-journal-key|" + journal.getKey() + "|" + key.keyId()));
                insert.setTimestamp(4, now);
                insert.addBatch();
                if (++pending == 1_000) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            insert.executeBatch();
            events.commit();
        }
    }

    private static DataKey master(Testbed bed) throws IOException {
        String base64 = Files.readString(bed.stack().keysDir().resolve(MASTER_KEY_FILE));
        return DataKey.of("master", Base64.getDecoder().decode(base64.strip()));
    }
}
