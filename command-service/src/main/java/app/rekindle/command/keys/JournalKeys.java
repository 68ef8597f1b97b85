package app.rekindle.command.keys;

import app.rekindle.command.transactions.AfterCommit;
import app.rekindle.events.privacy.DataKey;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each journal's data key, wrapped by the master key in {@code journal_key}. A key is created in the transaction
 * that stores the journal's first sealed event, and is cached only once that commits: a rolled-back key never
 * seals anything. Erasing destroys the key in the erasing transaction; the row keeps its id and the time.
 */
@Component
public class JournalKeys {

    private final JdbcClient jdbc;
    private final MasterKey master;
    private final KeyCache cache;
    private final Clock clock;

    JournalKeys(JdbcClient jdbc, CryptoProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.master = MasterKey.from(properties);
        this.cache = new KeyCache(properties.keyCacheSize());
        this.clock = clock;
    }

    /** The key new free text of this journal is sealed with, created on first use. */
    public DataKey keyFor(UUID journalId) {
        if (cache.get(journalId) instanceof KeyState.Live live) {
            return live.key();
        }
        DataKey fresh = DataKey.generate();
        jdbc.sql("""
                        insert into journal_key (journal_id, key_id, wrapped_key, created_at)
                        values (:id, :keyId, :wrapped, :now) on conflict (journal_id) do nothing""")
                .param("id", journalId)
                .param("keyId", fresh.keyId())
                .param("wrapped", master.wrap(journalId, fresh))
                .param("now", Timestamp.from(clock.instant()))
                .update();
        if (!(stored(journalId) instanceof KeyState.Live live)) {
            throw new IllegalStateException("Journal " + journalId + " was erased; it takes no free text");
        }
        AfterCommit.run(() -> cache.put(journalId, live));
        return live.key();
    }

    /** The key with this id, if the journal still has it. */
    public Optional<DataKey> find(UUID journalId, String keyId) {
        KeyState state = cache.get(journalId);
        if (state == null) {
            state = stored(journalId);
            KeyState read = state;
            AfterCommit.run(() -> cache.put(journalId, read));
        }
        return state instanceof KeyState.Live live && live.key().keyId().equals(keyId)
                ? Optional.of(live.key())
                : Optional.empty();
    }

    /** What the table says now, bypassing the cache: another instance may have erased the journal. */
    KeyState stored(UUID journalId) {
        return jdbc.sql("select key_id, wrapped_key from journal_key where journal_id = :id")
                .param("id", journalId)
                .query((rs, n) -> rs.getString(2) == null
                        ? new KeyState.Destroyed(rs.getString(1))
                        : (KeyState) new KeyState.Live(master.unwrap(journalId, rs.getString(1), rs.getString(2))))
                .optional()
                .orElse(new KeyState.Unknown());
    }

    /** Destroys the journal's key for good; with it goes every copy of its free text. */
    public void destroy(UUID journalId) {
        jdbc.sql("""
                        update journal_key set wrapped_key = null, destroyed_at = :now
                        where journal_id = :id and destroyed_at is null""")
                .param("id", journalId)
                .param("now", Timestamp.from(clock.instant()))
                .update();
        KeyState destroyed = stored(journalId);
        AfterCommit.run(() -> cache.put(journalId, destroyed));
    }
}
