package app.rekindle.query.projection;

import app.rekindle.events.PublishedEvent;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The single entry point that turns published events into view changes, exactly once in effect: each
 * journal's position is checked and advanced in the same transaction as the views, so a redelivered event
 * changes nothing and a missing one is detected (the journal is marked stale and its later events wait for
 * it, see {@link JournalBatch}) instead of skipped.
 */
@Component
public class Projector {

    /** HELD: the event waits in the dead-letter store (behind one at fault, or for a missing one). */
    public enum Outcome {
        APPLIED,
        DUPLICATE,
        GAP,
        HELD,
        ERASED_IGNORED
    }

    /** What a batch did: an outcome per event, and the journals whose waiting events may now follow. */
    public record Result(List<Outcome> outcomes, Set<UUID> releasable) {}

    private final List<ViewProjection> projections;
    private final JournalPositions positions;
    private final HeldEvents held;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ProjectionMetrics metrics;
    private final ViewWrites writes;
    /** Events are applied under the read lock; a switch of the views to a rebuilt copy takes the write lock. */
    private final ReadWriteLock switching = new ReentrantReadWriteLock();

    Projector(
            List<ViewProjection> projections,
            JournalPositions positions,
            HeldEvents held,
            TransactionTemplate transaction,
            Clock clock,
            MeterRegistry registry,
            ViewWrites writes) {
        this.projections = projections;
        this.positions = positions;
        this.held = held;
        this.transaction = transaction;
        this.clock = clock;
        this.metrics = new ProjectionMetrics(registry);
        this.writes = writes;
    }

    /** One event handed over directly (tests, tools), in a transaction of its own. */
    public Outcome apply(PublishedEvent published) {
        Result result = applyAllUncounted(List.of(Incoming.direct(published)));
        count(List.of(published), result.outcomes());
        return result.outcomes().getFirst();
    }

    /**
     * Applies a batch (e.g. one poll) in one transaction, or joins the caller's: each journal's position is
     * locked once and each event still checked against it in order, so duplicates inside the batch are ignored
     * and gaps detected exactly as one by one. If anything fails, the whole batch is rolled back.
     */
    public Result applyAllUncounted(List<Incoming> batch) {
        if (batch.isEmpty()) {
            return new Result(List.of(), Set.of());
        }
        switching.readLock().lock();
        try {
            return transaction.execute(status -> writes.batched(() -> applyInTransaction(batch)));
        } finally {
            switching.readLock().unlock();
        }
    }

    /** Counts what a committed batch did; only then, so a rolled-back batch is not counted twice. */
    public void count(List<PublishedEvent> batch, List<Outcome> outcomes) {
        Instant now = clock.instant();
        for (int i = 0; i < batch.size(); i++) {
            metrics.count(outcomes.get(i), batch.get(i));
            if (outcomes.get(i) == Outcome.APPLIED) {
                metrics.lag(Duration.between(batch.get(i).event().recordedAt(), now));
            }
        }
    }

    /**
     * Runs work while this instance applies no event to the live views, e.g. the switch to rebuilt views.
     * The thread holding it may itself apply events (the write lock admits its owner's reads).
     */
    public <T> T exclusively(Supplier<T> work) {
        switching.writeLock().lock();
        try {
            return work.get();
        } finally {
            switching.writeLock().unlock();
        }
    }

    private Result applyInTransaction(List<Incoming> batch) {
        Instant now = clock.instant();
        Map<UUID, JournalPositions.Position> locked = positions.lock(
                batch.stream().map(i -> i.published().journalId()).toList(), now);
        JournalBatch journals = new JournalBatch(projections, positions, held, writes, locked, now);
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        for (Incoming incoming : batch) {
            outcomes.add(journals.apply(incoming));
        }
        journals.finish();
        positions.save(locked, now);
        return new Result(outcomes, journals.releasable);
    }
}
