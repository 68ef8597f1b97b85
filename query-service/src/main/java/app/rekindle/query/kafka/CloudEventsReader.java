package app.rekindle.query.kafka;

import app.rekindle.events.PublishedEvent;
import app.rekindle.query.keys.EventDecoder;
import app.rekindle.query.projection.EventReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;

/**
 * The one place a record becomes an event, for fresh records and for kept ones alike: upcast to this build's
 * version and its sealed free text opened with the journal's key (see {@link EventDecoder}).
 */
@Component
class CloudEventsReader implements EventReader {

    private final EventDecoder decoder;

    CloudEventsReader(EventDecoder decoder) {
        this.decoder = decoder;
    }

    /** @throws app.rekindle.query.keys.KeyServiceUnavailable when the key cannot be fetched now: retry later */
    @Override
    public PublishedEvent read(ConsumerRecord<String, byte[]> record) {
        return decoder.decode(record);
    }
}
