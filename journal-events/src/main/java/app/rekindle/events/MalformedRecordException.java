package app.rekindle.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A Kafka record that does not carry a readable Rekindle event. */
public class MalformedRecordException extends RuntimeException {

    public MalformedRecordException(ConsumerRecord<?, ?> record, String why) {
        super("Malformed record at %s-%d@%d: %s".formatted(record.topic(), record.partition(), record.offset(), why));
    }
}
