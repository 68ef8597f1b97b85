package app.rekindle.query.kafka;

import app.rekindle.events.CloudEventsKafka;
import app.rekindle.events.MalformedRecordException;
import app.rekindle.events.PublishedEvent;
import app.rekindle.events.UnknownEventTypeException;
import app.rekindle.query.projection.Projector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Turns records into view changes. A poll's records are applied in one transaction; if that fails for
 * a reason other than the database being away, they are applied again one by one, so the record at fault is
 * found and dead-lettered and the others still applied. A record that cannot be read or applied is
 * dead-lettered so one bad record does not stop every journal behind it. When the database itself is
 * unavailable the exception propagates instead: the records are fine and must be retried, not parked.
 *
 * <p>Known limitation (issue #5): later events of a journal whose event was dead-lettered are not held
 * back. The journal is marked stale and, because its position did not advance, those later events arrive
 * as a gap: they are recorded in {@code projection_gap}, not applied.
 */
@Component
class RecordHandler {

    private static final Logger log = LoggerFactory.getLogger(RecordHandler.class);

    private final Projector projector;
    private final DeadLetters deadLetters;
    private final TransactionTemplate transaction;

    RecordHandler(Projector projector, DeadLetters deadLetters, TransactionTemplate transaction) {
        this.projector = projector;
        this.deadLetters = deadLetters;
        this.transaction = transaction;
    }

    /** Applies the records in one transaction, or, should one of them be at fault, one by one. */
    void handleAll(List<ConsumerRecord<String, byte[]>> records) {
        try {
            List<PublishedEvent> readable = new ArrayList<>(records.size());
            List<Projector.Outcome> outcomes = transaction.execute(status -> {
                readable.clear();
                for (ConsumerRecord<String, byte[]> record : records) {
                    PublishedEvent published = readOrDeadLetter(record);
                    if (published != null) {
                        readable.add(published);
                    }
                }
                return projector.applyAllUncounted(readable);
            });
            projector.count(readable, outcomes);
        } catch (TransientDataAccessException | DataAccessResourceFailureException
                 | CannotCreateTransactionException e) {
            throw e;
        } catch (RuntimeException e) {
            log.warn("A batch of {} records failed ({}); applying them one by one", records.size(),
                    e.getClass().getName());
            records.forEach(this::handle);
        }
    }

    void handle(ConsumerRecord<String, byte[]> record) {
        PublishedEvent published = readOrDeadLetter(record);
        if (published == null) {
            return;
        }
        try {
            projector.apply(published);
        } catch (TransientDataAccessException | DataAccessResourceFailureException
                 | CannotCreateTransactionException e) {
            throw e;
        } catch (RuntimeException e) {
            deadLetters.store(record, published.journalId(), published.sequence(), e.getClass().getSimpleName());
            projector.markStale(published.journalId());
        }
    }

    /** The event in the record, or null once an unreadable record is dead-lettered. */
    private PublishedEvent readOrDeadLetter(ConsumerRecord<String, byte[]> record) {
        try {
            return read(record);
        } catch (MalformedRecordException | UnknownEventTypeException e) {
            deadLetters.store(record, journalIdFromKey(record), null, e.getClass().getSimpleName());
            return null;
        }
    }

    /** The one place a record becomes an event. */
    PublishedEvent read(ConsumerRecord<String, byte[]> record) {
        return CloudEventsKafka.fromRecord(record);
    }

    private static UUID journalIdFromKey(ConsumerRecord<String, byte[]> record) {
        try {
            return record.key() == null ? null : UUID.fromString(record.key());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
