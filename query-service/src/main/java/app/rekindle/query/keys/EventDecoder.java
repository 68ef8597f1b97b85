package app.rekindle.query.keys;

import app.rekindle.events.CloudEventsKafka;
import app.rekindle.events.EventTypes;
import app.rekindle.events.JournalEvent.JournalErased;
import app.rekindle.events.PublishedEvent;
import app.rekindle.events.privacy.DataKey;
import app.rekindle.query.projection.EventReader;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;

/**
 * The one place a record becomes an event, for fresh records and for kept ones alike: upcast to this build's
 * version, its sealed free text opened with the journal's key. A key that is destroyed means the journal
 * was erased (the command service destroys it in the erasing transaction), so such a record is read as the
 * journal's erasure: its views are purged right there and nothing of it is projected again, not even the
 * structured fields, however far behind this consumer or a rebuild is.
 */
@Component
class EventDecoder implements EventReader {

    private final RemoteDataKeys keys;

    EventDecoder(RemoteDataKeys keys) {
        this.keys = keys;
    }

    /**
     * @throws KeyServiceUnavailable when the key cannot be fetched now; retry the record later
     * @throws app.rekindle.events.MalformedRecordException when the record names a key that does not exist
     * @see CloudEventsKafka#fromRecord(ConsumerRecord, app.rekindle.events.privacy.DataKeys)
     */
    @Override
    public PublishedEvent read(ConsumerRecord<String, byte[]> record) {
        AtomicBoolean shredded = new AtomicBoolean();
        PublishedEvent published = CloudEventsKafka.fromRecord(record, (journalId, keyId) -> {
            if (!journalId.toString().equals(record.key())) {
                // Unreadable (dead-lettered), so a record cannot borrow another journal's key or erasure.
                throw new IllegalArgumentException("The payload names another journal than the record key");
            }
            Optional<DataKey> key = keys.find(journalId, keyId);
            shredded.compareAndSet(false, key.isEmpty());
            return key;
        });
        if (published.event() instanceof JournalErased) {
            keys.destroyed(published.journalId());
        }
        if (!shredded.get()) {
            return published;
        }
        JournalErased erased = new JournalErased(
                published.journalId(),
                published.event().occurredAt(),
                published.event().recordedAt());
        return new PublishedEvent(
                published.eventId(), published.journalId(), published.sequence(), EventTypes.of(erased), erased);
    }
}
