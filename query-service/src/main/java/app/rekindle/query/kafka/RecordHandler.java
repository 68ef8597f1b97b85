package app.rekindle.query.kafka;

import app.rekindle.events.MalformedRecordException;
import app.rekindle.events.PublishedEvent;
import app.rekindle.events.UnknownEventTypeException;
import app.rekindle.query.projection.EventReader;
import app.rekindle.query.projection.Incoming;
import app.rekindle.query.projection.ProjectionPipeline;
import app.rekindle.query.projection.RecordCopy;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;

/**
 * Turns a poll's records into view changes (see {@link ProjectionPipeline}: one transaction, or one by one
 * to park the event at fault). A record that cannot be read is dead-lettered with its reason and does not
 * hold its journal back: its sequence number is unknown, and should it have been one of the journal's
 * events, the next one arrives as a gap and waits for it.
 */
@Component
class RecordHandler {

    private final EventReader reader;
    private final ProjectionPipeline pipeline;
    private final DeadLetters deadLetters;

    RecordHandler(EventReader reader, ProjectionPipeline pipeline, DeadLetters deadLetters) {
        this.reader = reader;
        this.pipeline = pipeline;
        this.deadLetters = deadLetters;
    }

    void handleAll(List<ConsumerRecord<String, byte[]>> records) {
        List<Incoming> readable = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            PublishedEvent published = readOrDeadLetter(record);
            if (published != null) {
                readable.add(Incoming.fresh(published, RecordCopy.of(record)));
            }
        }
        pipeline.process(readable);
    }

    /** The event in the record, or null once an unreadable record is dead-lettered. */
    private PublishedEvent readOrDeadLetter(ConsumerRecord<String, byte[]> record) {
        try {
            return reader.read(record);
        } catch (MalformedRecordException | UnknownEventTypeException e) {
            deadLetters.store(
                    record, journalIdFromKey(record), null, e.getClass().getSimpleName());
            return null;
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
