package app.rekindle.command.erasure;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The owners whose account is gone ({@code erased_owner}). Their access tokens stay valid for a few minutes after
 * the account is deleted; every write but opening and importing needs an existing journal, and all of theirs are
 * erased, so those two are the ones refused ({@link #admit}).
 *
 * <p>An opening that passed the check just before the erasure was recorded could still commit its journal after
 * the erasure looked for the owner's journals, and survive it. So both take a PostgreSQL advisory lock per owner:
 * shared by openings (they never wait for each other), exclusive while the erasure is recorded. Either the opening
 * commits first and the erasure's search, which starts after that, finds its journal; or the erasure commits first
 * and the opening, which reads only after the lock is granted, sees it.
 */
@Component
public class ErasedOwners {

    /** The advisory lock space of this class ("ERAS"); the owner's hash picks the lock within it. */
    private static final int LOCKS = 0x4552_4153;
    /** Erased owners remembered: an owner never comes back, so a remembered answer is never stale. */
    static final int REMEMBERED = 10_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Cache<String, Boolean> erased =
            Caffeine.newBuilder().maximumSize(REMEMBERED).build();

    ErasedOwners(JdbcClient jdbc, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Refuses, as if there were no token, an owner whose account is gone. Called inside the transaction that
     * opens or imports the journal: the lock it takes is held until that commits.
     */
    public void admit(String owner) {
        if (erased.getIfPresent(owner) != null) {
            throw new OwnerErased();
        }
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("The erased-owner check belongs in the opening's transaction");
        }
        lock("pg_advisory_xact_lock_shared", owner);
        // A statement of its own: its snapshot is taken once the lock is granted, so it sees an erasure that held it.
        boolean gone = jdbc.sql("select exists (select 1 from erased_owner where owner_id = :owner)")
                .param("owner", owner)
                .query(Boolean.class)
                .single();
        if (gone) {
            erased.put(owner, Boolean.TRUE);
            throw new OwnerErased();
        }
    }

    /** Records the owner as erased, committed before anything of theirs is searched for; again changes nothing. */
    void record(String owner) {
        transaction.executeWithoutResult(status -> {
            lock("pg_advisory_xact_lock", owner);
            jdbc.sql("insert into erased_owner (owner_id, erased_at) values (:owner, :now)"
                            + " on conflict (owner_id) do nothing")
                    .param("owner", owner)
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
        });
        erased.put(owner, Boolean.TRUE);
    }

    private void lock(String function, String owner) {
        jdbc.sql("select " + function + "(:locks, hashtext(:owner))")
                .param("locks", LOCKS)
                .param("owner", owner)
                .query((rs, row) -> Boolean.TRUE)
                .single();
    }
}
