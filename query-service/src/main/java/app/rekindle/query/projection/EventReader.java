package app.rekindle.query.projection;

import app.rekindle.events.PublishedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads the event in a record: the same way for a record fresh from Kafka and for one kept while it waited. */
public interface EventReader {

    /** @throws RuntimeException e.g. the contract's MalformedRecordException when the record cannot be read */
    PublishedEvent read(ConsumerRecord<String, byte[]> record);
}
