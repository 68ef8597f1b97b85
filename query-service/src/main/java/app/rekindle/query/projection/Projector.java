package app.rekindle.query.projection;

import app.rekindle.events.JournalEvent.JournalErased;
import app.rekindle.events.PublishedEvent;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The single entry point that turns a published event into view changes, exactly once in effect: the
 * journal's position is checked and advanced in the same transaction as the views, so a redelivered event
 * changes nothing and a missing one is detected (the journal is marked stale) instead of skipped.
 */
@Component
public class Projector {

    public enum Outcome { APPLIED, DUPLICATE, GAP, ERASED_IGNORED }

    private static final Logger log = LoggerFactory.getLogger(Projector.class);

    private final List<ViewProjection> projections;
    private final JournalPositions positions;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ProjectionMetrics metrics;
    private final ViewWrites writes;
    /** Events are applied under the read lock; a switch of the views to a rebuilt copy takes the write lock. */
    private final ReadWriteLock switching = new ReentrantReadWriteLock();

    Projector(List<ViewProjection> projections, JournalPositions positions, TransactionTemplate transaction,
              Clock clock, MeterRegistry registry, ViewWrites writes) {
        this.writes = writes;
        this.projections = projections;
        this.positions = positions;
        this.transaction = transaction;
        this.clock = clock;
        this.metrics = new ProjectionMetrics(registry);
    }

    public Outcome apply(PublishedEvent published) {
        return applyAll(List.of(published)).getFirst();
    }

    /**
     * Applies a batch (e.g. one poll) in one transaction: each journal's position is locked once and each event
     * still checked against it in order, so duplicates inside the batch are ignored and gaps detected exactly as
     * one by one. If anything fails, the whole batch is rolled back and nothing of it counted.
     */
    public List<Outcome> applyAll(List<PublishedEvent> batch) {
        List<Outcome> outcomes = applyAllUncounted(batch);
        count(batch, outcomes);
        return outcomes;
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

    /** Applies without touching the metrics, e.g. rebuilding views: old events' lag says nothing of the live views. */
    public Outcome applyUncounted(PublishedEvent published) {
        return applyAllUncounted(List.of(published)).getFirst();
    }

    public List<Outcome> applyAllUncounted(List<PublishedEvent> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        switching.readLock().lock();
        try {
            return transaction.execute(status -> writes.batched(() -> applyInTransaction(batch)));
        } finally {
            switching.readLock().unlock();
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

    /** Marks a journal's view as not to be trusted, e.g. after one of its events could not be applied. */
    public void markStale(UUID journalId) {
        transaction.executeWithoutResult(status -> positions.markStale(journalId, clock.instant()));
    }

    private List<Outcome> applyInTransaction(List<PublishedEvent> batch) {
        Instant now = clock.instant();
        Map<UUID, JournalPositions.Position> locked =
                positions.lock(batch.stream().map(PublishedEvent::journalId).toList(), now);
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        for (PublishedEvent published : batch) {
            outcomes.add(applyOne(published, locked.get(published.journalId()), now));
        }
        positions.save(locked, now);
        return outcomes;
    }

    private Outcome applyOne(PublishedEvent published, JournalPositions.Position position, Instant now) {
        UUID journalId = published.journalId();
        if (position.erased) {
            return Outcome.ERASED_IGNORED;
        }
        if (published.sequence() < position.expected()) {
            return Outcome.DUPLICATE;
        }
        if (published.sequence() > position.expected()) {
            positions.recordGap(journalId, position.expected(), published.sequence(), now);
            position.stale = true;
            position.changed = true;
            log.warn("Gap in journal {}: expected sequence {}, received {} ({}); view marked stale",
                    journalId, position.expected(), published.sequence(), published.type().name());
            return Outcome.GAP;
        }
        boolean erased = published.event() instanceof JournalErased;
        if (erased) {
            writes.flush(); // what the batch queued for the journal goes too
        }
        for (ViewProjection projection : projections) {
            if (erased) {
                projection.purge(journalId);
            } else {
                projection.apply(published);
            }
        }
        position.lastSequence = published.sequence();
        position.erased = erased;
        position.changed = true;
        return Outcome.APPLIED;
    }
}
