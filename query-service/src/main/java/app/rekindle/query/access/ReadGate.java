package app.rekindle.query.access;

import app.rekindle.query.config.RekindleReadProperties;
import app.rekindle.query.web.InvalidParameter;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Every read of one journal passes here, and only here is it decided who may see a journal: it checks the caller
 * owns the journal, waits for {@code minVersion} (read-your-writes) and runs the query in one snapshot so the
 * version in the answer matches the rows in it. The wait polls the position table rather than an in-memory signal
 * because the partition may be consumed by another instance; Spring's {@link RetryTemplate} paces the polls and
 * bounds the wait (it holds the request's thread, as a servlet read does anyway).
 */
@Component
public class ReadGate {

    public static final String STALE_HEADER = "Rekindle-View-Stale";

    private record State(long version, boolean stale, boolean erased, String ownerId) {
        boolean visibleTo(String caller) {
            return !erased && caller.equals(ownerId);
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate snapshot;
    private final RekindleReadProperties properties;
    private final Clock clock;
    /** Polls while the view is behind (ViewNotCaughtUp), every poll-interval for at most max-wait. */
    private final RetryTemplate waiting;

    ReadGate(JdbcClient jdbc, PlatformTransactionManager transactions, RekindleReadProperties properties, Clock clock) {
        this.jdbc = jdbc;
        // Read-only, and repeatable read set by the transaction's first statement (see read) rather than here:
        // Spring would read the connection's isolation, set it, and set it back, three round trips per read.
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.properties = properties;
        this.clock = clock;
        // Spring stops before a pause that would end past the timeout; one interval more makes the last look fall at
        // or after max-wait, as a client is promised. A max-wait of zero means one look.
        long interval = properties.pollInterval().toMillis();
        this.waiting = new RetryTemplate(RetryPolicy.builder()
                .includes(ViewNotCaughtUp.class)
                .backOff(
                        new FixedBackOff(interval, properties.maxWait().isZero() ? 0 : FixedBackOff.UNLIMITED_ATTEMPTS))
                .timeout(properties.maxWait().plus(properties.pollInterval()))
                .build());
    }

    public <T> ResponseEntity<T> read(
            UUID journalId, String caller, Long minVersion, Function<JournalAccess, T> query) {
        awaitIfAsked(journalId, caller, minVersion);
        return snapshot.execute(status -> {
            jdbc.sql("set transaction isolation level repeatable read").update();
            State state = state(journalId).filter(s -> s.visibleTo(caller)).orElseThrow(JournalNotFound::new);
            JournalAccess access = new JournalAccess(journalId, state.version(), state.stale());
            return answer(access, query.apply(access));
        });
    }

    /** Waits for {@code minVersion}, if given, before a read that takes its turn first (see WholeJournalReads). */
    public void awaitIfAsked(UUID journalId, String caller, Long minVersion) {
        if (minVersion != null) {
            awaitVersion(journalId, caller, checkedMinVersion(minVersion));
        }
    }

    /** The answer to a read of a journal the caller may see: the body, marked stale when the view is. */
    public static <T> ResponseEntity<T> answer(JournalAccess access, T body) {
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (access.stale()) {
            ok.header(STALE_HEADER, "true");
        }
        return ok.body(body);
    }

    /**
     * Waits until the caller's journal has reached the version. A journal the caller cannot see is looked for
     * only during {@code unseen-journal-wait} (long enough for the first event of a journal opened a moment ago to
     * be projected), then answers 404: a client must not be told "not yet" for ever about a journal that is not
     * there. Missing, erased and someone else's journals take that same path, so neither the answer nor its time
     * tells them apart.
     */
    public void awaitVersion(UUID journalId, String caller, long minVersion) {
        Instant unseenDeadline = clock.instant().plus(properties.unseenJournalWait());
        try {
            waiting.invoke(() -> {
                Optional<State> visible = state(journalId).filter(s -> s.visibleTo(caller));
                if (visible.isEmpty() && !clock.instant().isBefore(unseenDeadline)) {
                    throw new JournalNotFound();
                }
                if (visible.isEmpty() || visible.get().version() < minVersion) {
                    throw new ViewNotCaughtUp(
                            minVersion, visible.map(State::version).orElse(null));
                }
            });
        } catch (ViewNotCaughtUp e) {
            // The wait ends at the last poll before max-wait; a journal unseen all along is not there, unless it
            // was to be looked for longer than the wait lasts.
            if (e.currentVersion() == null && properties.unseenJournalWait().compareTo(properties.maxWait()) <= 0) {
                throw new JournalNotFound();
            }
            throw e;
        }
    }

    public static long checkedMinVersion(Long minVersion) {
        if (minVersion < 0) {
            throw new InvalidParameter("minVersion", "min", "must be 0 or greater");
        }
        return minVersion;
    }

    private Optional<State> state(UUID journalId) {
        return jdbc.sql("""
                        select p.last_sequence, p.stale, p.erased, j.owner_id
                        from journal_position p left join journal_view j on j.journal_id = p.journal_id
                        where p.journal_id = :id""")
                .param("id", journalId)
                .query((rs, n) -> new State(rs.getLong(1), rs.getBoolean(2), rs.getBoolean(3), rs.getString(4)))
                .optional();
    }
}
