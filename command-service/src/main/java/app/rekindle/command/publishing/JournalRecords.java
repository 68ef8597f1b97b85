package app.rekindle.command.publishing;

import app.rekindle.command.observability.TracePropagation;
import app.rekindle.events.CloudEventsKafka;
import app.rekindle.events.JournalEvent;
import app.rekindle.events.PublishedEvent;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The Kafka record of a journal event: its stored bytes in the CloudEvents envelope. One definition for the
 * publisher, an operator's retry and the size check at append, so what is measured is what is sent.
 */
@Component
class JournalRecords {

    static final String TRACEPARENT = "ce_traceparent";

    private final PublishedTopic topic;
    private final Serializer eventSerializer;

    JournalRecords(PublishedTopic topic, @Qualifier("eventSerializer") Serializer eventSerializer) {
        this.topic = topic;
        this.eventSerializer = eventSerializer;
    }

    ProducerRecord<String, byte[]> of(PublishedEvent published, EventMessage<?> message) {
        // The stored bytes as they are: free text stays sealed, and is not sealed afresh under another nonce.
        byte[] payload = message.serializePayload(eventSerializer, byte[].class).getData();
        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord(topic.name(), published, payload);
        if (message.getMetaData().get(TracePropagation.METADATA_KEY) instanceof String traceId) {
            // CloudEvents' distributed-tracing extension, in the binary mode's ce_ header form.
            record.headers()
                    .add(TRACEPARENT, TracePropagation.traceparent(traceId).getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    static PublishedEvent published(EventMessage<?> message, long sequence) {
        return PublishedEvent.of(message.getIdentifier(), sequence, (JournalEvent) message.getPayload());
    }
}
