package app.rekindle.query.projection;

import app.rekindle.events.PublishedEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Batches into the views: all in one transaction; should that fail for a reason other than the database
 * being away, one by one, so the event at fault is found and parked and the others applied. Afterwards the
 * journals whose waiting events may follow are released, in sequence order. When the database is unavailable
 * the exception propagates: the events are fine and must be retried, not parked.
 */
@Component
public class ProjectionPipeline {

    private static final Logger log = LoggerFactory.getLogger(ProjectionPipeline.class);

    private final Projector projector;
    private final Parking parking;
    private final HeldEvents held;
    private final EventReader reader;
    private final Counter parked;

    ProjectionPipeline(
            Projector projector, Parking parking, HeldEvents held, EventReader reader, MeterRegistry registry) {
        this.projector = projector;
        this.parking = parking;
        this.held = held;
        this.reader = reader;
        this.parked = Counter.builder("rekindle.projection.dead_letters.parked")
                .description("Events parked because they could not be applied")
                .register(registry);
    }

    /**
     * True when the failure is the database's or a dependency's, not the event's. A commit that failed on a
     * dropped connection surfaces as a TransactionException; retrying is safe even if it did commit, since
     * the position check turns the repeat into a no-op.
     */
    public static boolean databaseUnavailable(RuntimeException e) {
        return e instanceof TransientDataAccessException
                || e instanceof DataAccessResourceFailureException
                || e instanceof TransactionException
                || e instanceof TemporaryFailure
                || connectionLost(e);
    }

    /** SQLState class 08 (connection exception) or 57 (operator intervention, e.g. pg_terminate_backend). */
    private static boolean connectionLost(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Applies the batch, then releases what may follow. A release that fails for a reason other than the
     * database leaves the events waiting (the gap watch or an operator releases them later) rather than have the
     * caller apply the batch again and again.
     */
    public void process(List<Incoming> batch) {
        for (UUID journalId : apply(batch)) {
            try {
                release(journalId);
            } catch (RuntimeException e) {
                if (databaseUnavailable(e)) {
                    throw e;
                }
                log.error(
                        "Releasing the waiting events of journal {} failed ({})",
                        journalId,
                        e.getClass().getName());
            }
        }
    }

    /**
     * Applies the journal's waiting events that may follow now, in order (one batch applies every one whose turn
     * has come); those beyond a still missing event keep waiting, as does everything behind a parked one.
     */
    public void release(UUID journalId) {
        List<Incoming> waiting = new ArrayList<>();
        for (HeldEvents.Row row : held.waiting(journalId)) {
            if (row.status() == HeldEvents.Status.PARKED) {
                break; // everything behind an event at fault waits for an operator
            }
            try {
                waiting.add(read(row));
            } catch (RuntimeException e) {
                if (databaseUnavailable(e)) {
                    throw e;
                }
                // It was read once; if it no longer can be (e.g. its key is gone), it is at fault from now on.
                parking.parkWaiting(journalId, row.sequence(), e.getClass().getSimpleName());
                parked.increment();
                break;
            }
        }
        if (!waiting.isEmpty()) {
            apply(waiting);
        }
    }

    /** Applies a parked event again, then what waited behind it. */
    public void retry(HeldEvents.Row parkedRow) {
        List<Incoming> batch = new ArrayList<>();
        for (HeldEvents.Row row : held.waiting(parkedRow.journalId())) {
            if (row.id() == parkedRow.id() || !batch.isEmpty()) {
                batch.add(read(row));
            }
        }
        apply(batch);
        release(parkedRow.journalId());
    }

    public Incoming read(HeldEvents.Row row) {
        return new Incoming(reader.read(row.copy().toRecord()), row.copy(), row.id());
    }

    /** The journals whose waiting events may follow. */
    private Set<UUID> apply(List<Incoming> batch) {
        try {
            Projector.Result result = projector.applyAllUncounted(batch);
            projector.count(batch.stream().map(Incoming::published).toList(), result.outcomes());
            return result.releasable();
        } catch (RuntimeException e) {
            if (databaseUnavailable(e) || batch.size() == 1) {
                return handleSingleFailure(batch, e);
            }
            log.warn(
                    "A batch of {} events failed ({}); applying them one by one",
                    batch.size(),
                    e.getClass().getName());
            Set<UUID> releasable = new HashSet<>();
            for (Incoming incoming : batch) {
                releasable.addAll(apply(List.of(incoming)));
            }
            return releasable;
        }
    }

    private Set<UUID> handleSingleFailure(List<Incoming> batch, RuntimeException e) {
        if (databaseUnavailable(e)) {
            throw e;
        }
        PublishedEvent published = batch.getFirst().published();
        log.error(
                "Parked event of journal {} sequence {} ({}): {}",
                published.journalId(),
                published.sequence(),
                published.type().name(),
                e.getClass().getName());
        parking.park(batch.getFirst(), e.getClass().getSimpleName());
        parked.increment();
        return Set.of();
    }
}
