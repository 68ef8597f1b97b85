package app.rekindle.query.deadletter;

import app.rekindle.query.kafka.GapFiller;
import app.rekindle.query.projection.DeadLetterView;
import app.rekindle.query.projection.EventReader;
import app.rekindle.query.projection.GapAcceptance;
import app.rekindle.query.projection.HeldEvents;
import app.rekindle.query.projection.HeldEvents.Status;
import app.rekindle.query.projection.Incoming;
import app.rekindle.query.projection.Parking;
import app.rekindle.query.projection.ProjectionPipeline;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * What an operator may do with a dead letter. Retry applies a parked event again and then, in order, what
 * waited behind it; for an event waiting for a missing one it reads Kafka again for that one. Skip leaves a
 * parked event out for good (see {@link Parking#skip}); accepting a gap does the same for events that never
 * arrived (see {@link Parking#acceptGap}).
 */
@Service
class DeadLetterAdmin {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterAdmin.class);

    private final HeldEvents held;
    private final ProjectionPipeline pipeline;
    private final Parking parking;
    private final GapFiller gaps;
    private final EventReader reader;
    private final DeadLetterMetrics metrics;
    private final Clock clock;

    DeadLetterAdmin(
            HeldEvents held,
            ProjectionPipeline pipeline,
            Parking parking,
            GapFiller gaps,
            EventReader reader,
            DeadLetterMetrics metrics,
            Clock clock) {
        this.held = held;
        this.pipeline = pipeline;
        this.parking = parking;
        this.gaps = gaps;
        this.reader = reader;
        this.metrics = metrics;
        this.clock = clock;
    }

    List<DeadLetterView> list(String status, int limit) {
        return held.list(status, limit);
    }

    synchronized DeadLetterView retry(long id) {
        HeldEvents.Row row = held.find(id).orElseThrow(DeadLetterProblem::notFound);
        switch (row.status()) {
            case WAITING_FOR_GAP -> gaps.fill(row.journalId());
            case WAITING_BEHIND ->
                throw DeadLetterProblem.conflict(
                        "dead-letter-waiting",
                        "Waits behind another",
                        "This event waits behind a parked event of its journal; retry or skip that one.");
            case PARKED -> retryParked(row);
            default -> throw resolved();
        }
        return held.view(id).orElseThrow(DeadLetterProblem::notFound);
    }

    synchronized DeadLetterView skip(long id, String reason, String operator) {
        HeldEvents.Row row = held.find(id).orElseThrow(DeadLetterProblem::notFound);
        if (row.status() != Status.PARKED) {
            throw row.status().ordinal() > Status.WAITING_FOR_GAP.ordinal()
                    ? resolved()
                    : DeadLetterProblem.conflict(
                            "dead-letter-not-parked",
                            "Not parked",
                            "Only a parked event can be skipped; this one waits for its turn.");
        }
        if (row.sequence() == null || row.journalId() == null) {
            held.skip(id, reason, operator, clock.instant()); // unreadable: it holds nothing back
        } else {
            parking.skip(row, reason, operator);
            pipeline.release(row.journalId());
        }
        metrics.skipped.increment();
        log.warn(
                "Dead letter {} (journal {} sequence {}) skipped by {}", id, row.journalId(), row.sequence(), operator);
        return held.view(id).orElseThrow(DeadLetterProblem::notFound);
    }

    /**
     * Accepts a journal's missing events as lost for good ({@link Parking#acceptGap}), then applies what waited
     * behind them, in order. A repeat changes nothing but completes a release a crash may have interrupted.
     */
    synchronized AcceptedGapView acceptGap(UUID journalId, long from, long to, String reason, String operator) {
        GapAcceptance outcome = parking.acceptGap(journalId, from, to, reason, operator);
        switch (outcome) {
            case GapAcceptance.Accepted accepted -> {
                pipeline.release(journalId);
                metrics.gapsAccepted.increment();
                log.warn(
                        "Journal {}: missing sequences {}..{} accepted as lost for good by {}",
                        journalId,
                        from,
                        to,
                        operator);
                return AcceptedGapView.of(accepted.gap(), parking.standing(journalId));
            }
            case GapAcceptance.AcceptedBefore before -> {
                pipeline.release(journalId);
                throw DeadLetterProblem.conflict(
                        "gap-accepted-already",
                        "Accepted already",
                        "Sequences " + from + ".." + to + " of this journal were accepted as missing by "
                                + before.gap().acceptedBy() + " at "
                                + before.gap().acceptedAt()
                                + "; nothing changed.");
            }
            case GapAcceptance.OtherGap other ->
                throw DeadLetterProblem.conflict(
                        "not-the-gap",
                        "Not the gap",
                        "This journal's waiting events wait for sequences " + other.from() + ".." + other.to()
                                + "; name exactly those.");
            case GapAcceptance.NoGap none ->
                throw new DeadLetterProblem(
                        HttpStatus.NOT_FOUND, "no-gap", "No gap", "Nothing of this journal waits for a missing event.");
        }
    }

    private void retryParked(HeldEvents.Row row) {
        if (row.copy().value() == null) {
            throw DeadLetterProblem.conflict(
                    "dead-letter-not-kept",
                    "Record not kept",
                    "This dead letter predates keeping records; skip it or rebuild the views.");
        }
        Incoming incoming;
        try {
            incoming = pipeline.read(row);
        } catch (RuntimeException e) {
            throw stillFailing(e.getClass().getSimpleName());
        }
        if (row.sequence() == null) {
            // It could not be read before; now that it can, it goes in like a fresh record.
            pipeline.process(List.of(Incoming.fresh(incoming.published(), row.copy())));
            held.resolve(row.id(), Status.APPLIED, clock.instant());
        } else {
            pipeline.retry(row);
        }
        DeadLetterView after = held.view(row.id()).orElseThrow(DeadLetterProblem::notFound);
        if (Status.PARKED.name().equals(after.status())) {
            throw stillFailing(after.reason());
        }
        metrics.retried.increment();
    }

    private static DeadLetterProblem stillFailing(String reason) {
        return DeadLetterProblem.conflict(
                "dead-letter-still-failing",
                "Still failing",
                "The event still cannot be applied (" + reason + "); it stays parked.");
    }

    private static DeadLetterProblem resolved() {
        return DeadLetterProblem.conflict(
                "dead-letter-resolved", "Already resolved", "This dead letter was applied or skipped already.");
    }
}
