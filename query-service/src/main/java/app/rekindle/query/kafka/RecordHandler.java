package app.rekindle.query.kafka;

import app.rekindle.events.MalformedRecordException;
import app.rekindle.events.PublishedEvent;
import app.rekindle.events.UnknownEventTypeException;
import app.rekindle.query.keys.EventDecoder;
import app.rekindle.query.projection.Projector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

import java.util.UUID;

/**
 * Turns one record into view changes. A record that cannot be read or applied is dead-lettered so one bad
 * record does not stop every journal behind it. When the database itself is unavailable the exception
 * propagates instead: the record is fine and must be retried, not parked.
 *
 * <p>Known limitation (issue #5): later events of a journal whose event was dead-lettered are not held
 * back. The journal is marked stale and, because its position did not advance, those later events arrive
 * as a gap: they are recorded in {@code projection_gap}, not applied.
 */
@Component
class RecordHandler {

    private final Projector projector;
    private final DeadLetters deadLetters;
    private final EventDecoder decoder;

    RecordHandler(Projector projector, DeadLetters deadLetters, EventDecoder decoder) {
        this.projector = projector;
        this.deadLetters = deadLetters;
        this.decoder = decoder;
    }

    void handle(ConsumerRecord<String, byte[]> record) {
        PublishedEvent published;
        try {
            // Opens sealed free text; a key service outage propagates, so the record is retried, not parked.
            published = decoder.decode(record);
        } catch (MalformedRecordException | UnknownEventTypeException e) {
            deadLetters.store(record, journalIdFromKey(record), null, e.getClass().getSimpleName());
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

    private static UUID journalIdFromKey(ConsumerRecord<String, byte[]> record) {
        try {
            return record.key() == null ? null : UUID.fromString(record.key());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

}
