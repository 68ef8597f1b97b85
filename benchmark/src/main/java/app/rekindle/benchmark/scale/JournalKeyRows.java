package app.rekindle.benchmark.scale;

import app.rekindle.benchmark.Testbed;
import app.rekindle.events.privacy.DataKey;
import app.rekindle.events.privacy.FreeTextCipher;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;

/**
 * The preloaded journals' rows in the command service's {@code journal_key}: each data key wrapped under the
 * run's master key as the command service's {@code keys.MasterKey} wraps it (AES-GCM bound to
 * {@code rekindle-journal-key|<journal>|<key id>}), so the command service serves them to the query service
 * like any other. A wrapping that differed would fail there, and the views would never catch up.
 */
final class JournalKeyRows {

    /** The launcher's file (ServiceCredentials.MASTER_KEY_FILE) beside the JWT keys. */
    private static final String MASTER_KEY_FILE = "master.key";

    private JournalKeyRows() {}

    static void insert(Testbed bed, ScaleJournals journals) throws Exception {
        DataKey master = master(bed);
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection events = bed.connect("events");
                PreparedStatement insert = events.prepareStatement("""
                        insert into events.journal_key (journal_id, key_id, wrapped_key, created_at)
                        values (?, ?, ?, ?)""")) {
            events.setAutoCommit(false);
            for (int j = 0; j < journals.count(); j++) {
                DataKey key = journals.key(j);
                String raw = Base64.getEncoder().encodeToString(key.raw());
                insert.setObject(1, journals.id(j));
                insert.setString(2, key.keyId());
                insert.setString(
                        3,
                        FreeTextCipher.seal(raw, master, "rekindle-journal-key|" + journals.id(j) + "|" + key.keyId()));
                insert.setTimestamp(4, now);
                insert.addBatch();
                if (j % 1_000 == 999) {
                    insert.executeBatch();
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
