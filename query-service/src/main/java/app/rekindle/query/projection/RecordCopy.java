package app.rekindle.query.projection;

import app.rekindle.events.CloudEventsKafka;
import app.rekindle.events.PublishedEvent;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

/**
 * A Kafka record as it arrived, kept for an event that is parked or waits, so it can be read and applied later
 * exactly as if it came again. {@code topic} is null for an event handed to the projector directly (tests).
 */
public record RecordCopy(
        String topic, int partition, long offset, String key, byte[] value, Map<String, byte[]> headers) {

    public static RecordCopy of(ConsumerRecord<String, byte[]> record) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value());
        }
        return new RecordCopy(
                record.topic(), record.partition(), record.offset(), record.key(), record.value(), headers);
    }

    /** The record the command service would have published for the event. */
    public static RecordCopy of(PublishedEvent published) {
        var record = CloudEventsKafka.toRecord("direct", published);
        Map<String, byte[]> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value());
        }
        return new RecordCopy(null, -1, -1, record.key(), record.value(), headers);
    }

    /**
     * The event type its {@code ce_type} header names, as kept with a dead letter: read here only, so a record
     * nobody could read still shows what it claimed to be. Cut to 120 characters: a type name is short, anything
     * longer is not worth keeping and may not be a type at all. Null when there is none.
     */
    public String type() {
        byte[] type = headers.get(CloudEventsKafka.TYPE);
        if (type == null) {
            return null;
        }
        String value = new String(type, StandardCharsets.UTF_8);
        return value.length() > 120 ? value.substring(0, 120) : value;
    }

    public ConsumerRecord<String, byte[]> toRecord() {
        RecordHeaders recordHeaders = new RecordHeaders();
        headers.forEach(recordHeaders::add);
        return new ConsumerRecord<>(
                topic == null ? "direct" : topic,
                partition,
                offset,
                0L,
                TimestampType.CREATE_TIME,
                -1,
                -1,
                key,
                value,
                recordHeaders,
                Optional.empty());
    }
}
