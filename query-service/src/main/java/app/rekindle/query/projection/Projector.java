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
import java.util.List;
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
    /** Events are applied under the read lock; a switch of the views to a rebuilt copy takes the write lock. */
    private final ReadWriteLock switching = new ReentrantReadWriteLock();

    Projector(List<ViewProjection> projections, JournalPositions positions, TransactionTemplate transaction,
              Clock clock, MeterRegistry registry) {
        this.projections = projections;
        this.positions = positions;
        this.transaction = transaction;
        this.clock = clock;
        this.metrics = new ProjectionMetrics(registry);
    }

    public Outcome apply(PublishedEvent published) {
        Outcome outcome = applyUncounted(published);
        metrics.count(outcome, published);
        if (outcome == Outcome.APPLIED) {
            metrics.lag(Duration.between(published.event().recordedAt(), clock.instant()));
        }
        return outcome;
    }

    /** Applies without touching the metrics, e.g. rebuilding views: old events' lag says nothing of the live views. */
    public Outcome applyUncounted(PublishedEvent published) {
        switching.readLock().lock();
        try {
            return transaction.execute(status -> applyInTransaction(published));
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

    private Outcome applyInTransaction(PublishedEvent published) {
        Instant now = clock.instant();
        UUID journalId = published.journalId();
        JournalPositions.Position position = positions.lock(journalId, now);
        long expected = position.lastSequence() + 1;
        if (position.erased()) {
            return Outcome.ERASED_IGNORED;
        }
        if (published.sequence() < expected) {
            return Outcome.DUPLICATE;
        }
        if (published.sequence() > expected) {
            positions.recordGap(journalId, expected, published.sequence(), now);
            positions.markStale(journalId, now);
            log.warn("Gap in journal {}: expected sequence {}, received {} ({}); view marked stale",
                    journalId, expected, published.sequence(), published.type().name());
            return Outcome.GAP;
        }
        boolean erased = published.event() instanceof JournalErased;
        for (ViewProjection projection : projections) {
            if (erased) {
                projection.purge(journalId);
            } else {
                projection.apply(published);
            }
        }
        positions.advance(journalId, published.sequence(), erased, now);
        return Outcome.APPLIED;
    }
}
