package app.rekindle.command.parking;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What an operator may do with a parked journal. Retry sends its parked events again, one at a time in sequence
 * order, each marked published once Kafka acknowledged it. Skip records the first one as skipped, with the reason,
 * and sends the rest: the topic then lacks that event, so the query side sees a gap and marks the journal stale.
 *
 * <p>Each round holds the journal's parked rows locked: the publisher, meeting a new event of the journal, waits for
 * the round and parks the event only if something is still parked then. Rounds repeat until none is left, so an
 * event parked meanwhile goes out too, after the others.
 */
@Service
class ParkedJournalAdmin {

    private static final Logger log = LoggerFactory.getLogger(ParkedJournalAdmin.class);

    /** What an operator's action did. */
    record Outcome(UUID journalId, int published, Long skippedSequence) {}

    /** One locked pass over the journal's parked rows: how many there were, what was sent, what stopped it. */
    private record Round(int found, Long skipped, int published, Throwable failure) {}

    private final ParkedEvents parked;
    private final EventStore eventStore;
    private final ParkedEventSender sender;
    private final TransactionTemplate transaction;
    private final ParkingMetrics metrics;
    private final Clock clock;

    ParkedJournalAdmin(
            ParkedEvents parked,
            EventStore eventStore,
            ParkedEventSender sender,
            TransactionTemplate transaction,
            ParkingMetrics metrics,
            Clock clock) {
        this.parked = parked;
        this.eventStore = eventStore;
        this.sender = sender;
        this.transaction = transaction;
        this.metrics = metrics;
        this.clock = clock;
    }

    List<ParkedJournal> list(int limit) {
        return parked.list(limit);
    }

    Outcome retry(UUID journalId, String operator) {
        return run(journalId, operator, null, null);
    }

    /** @param sequence must be the journal's first parked event: a repeated skip then drops nothing more */
    Outcome skip(UUID journalId, String operator, long sequence, String reason) {
        return run(journalId, operator, sequence, reason);
    }

    private Outcome run(UUID journalId, String operator, Long skipSequence, String skipReason) {
        Long skipped = null;
        int published = 0;
        for (boolean first = true; ; first = false) {
            boolean skipping = first && skipSequence != null;
            Round round = transaction.execute(
                    status -> round(journalId, operator, skipping ? skipSequence : null, skipReason));
            if (first && round.found() == 0) {
                throw ParkingProblem.notParked();
            }
            if (round.skipped() != null) {
                skipped = round.skipped();
                metrics.skipped.increment();
                log.warn(
                        "Parked event {} of journal {} skipped by {}; it will never reach Kafka",
                        skipped,
                        journalId,
                        operator);
            }
            published += round.published();
            metrics.retried.increment(round.published());
            if (round.failure() != null) {
                throw ParkingProblem.stillFailing(round.failure().getClass().getSimpleName());
            }
            if (round.found() == 0) {
                log.info("Journal {}: {} parked events published by {}", journalId, published, operator);
                return new Outcome(journalId, published, skipped);
            }
        }
    }

    private Round round(UUID journalId, String operator, Long skipSequence, String skipReason) {
        List<ParkedEvents.Parked> rows = parked.lockParked(journalId);
        if (rows.isEmpty()) {
            return new Round(0, null, 0, null);
        }
        if (skipSequence == null) {
            return send(journalId, rows, operator, rows.size(), null);
        }
        ParkedEvents.Parked first = rows.getFirst();
        if (first.sequence() != skipSequence) {
            throw ParkingProblem.notFirst(first.sequence());
        }
        parked.skipped(first, operator, skipReason, clock.instant());
        return send(journalId, rows.subList(1, rows.size()), operator, rows.size(), first.sequence());
    }

    /** Sends the rows one by one, waiting for each, so that a refusal leaves nothing of the journal sent after it. */
    private Round send(UUID journalId, List<ParkedEvents.Parked> rows, String operator, int found, Long skipped) {
        if (rows.isEmpty()) {
            return new Round(found, skipped, 0, null);
        }
        Map<Long, DomainEventMessage<?>> stored =
                read(journalId, rows.getFirst().sequence(), rows.getLast().sequence());
        int published = 0;
        for (ParkedEvents.Parked row : rows) {
            Optional<ParkedEventSender.Failure> failure = sender.send(stored.get(row.sequence()), row.sequence());
            if (failure.isPresent()) {
                if (failure.get().refused()) {
                    parked.refusedAgain(row, failure.get().cause().getClass().getSimpleName());
                }
                return new Round(found, skipped, published, failure.get().cause());
            }
            parked.published(row, operator, clock.instant());
            published++;
        }
        return new Round(found, skipped, published, null);
    }

    private Map<Long, DomainEventMessage<?>> read(UUID journalId, long from, long until) {
        Map<Long, DomainEventMessage<?>> stored = new HashMap<>();
        DomainEventStream stream = eventStore.readEvents(journalId.toString(), from);
        while (stream.hasNext() && stream.peek().getSequenceNumber() <= until) {
            DomainEventMessage<?> message = stream.next();
            stored.put(message.getSequenceNumber(), message);
        }
        return stored;
    }
}
