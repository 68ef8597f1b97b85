package app.rekindle.command.publishing;

import app.rekindle.command.observability.TracePropagation;
import app.rekindle.events.CloudEventsKafka;
import app.rekindle.events.EventTypes;
import app.rekindle.events.JournalEvent;
import app.rekindle.events.PublishedEvent;
import app.rekindle.events.privacy.DataKeys;
import app.rekindle.events.privacy.SealedEvents;
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
        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord(topic.name(), published, stored(message));
        if (message.getMetaData().get(TracePropagation.METADATA_KEY) instanceof String traceId) {
            // CloudEvents' distributed-tracing extension, in the binary mode's ce_ header form.
            record.headers()
                    .add(TRACEPARENT, TracePropagation.traceparent(traceId).getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    /**
     * A stored event's envelope, read from its stored bytes with the free text left sealed (null in the event it
     * carries): the envelope names none of it, and opening it cost a key lookup and a decryption per event. The
     * record carries the stored bytes either way.
     */
    PublishedEvent unopened(EventMessage<?> message, long sequence) {
        JournalEvent event =
                SealedEvents.open(EventTypes.typeOf(message.getPayloadType()).name(), stored(message), DataKeys.NONE);
        return PublishedEvent.of(message.getIdentifier(), sequence, event);
    }

    /** The stored bytes as they are: free text stays sealed, and is not sealed afresh under another nonce. */
    private byte[] stored(EventMessage<?> message) {
        return message.serializePayload(eventSerializer, byte[].class).getData();
    }

    /** The envelope of an event whose payload is at hand (being appended, or read back by an operator's retry). */
    static PublishedEvent published(EventMessage<?> message, long sequence) {
        return PublishedEvent.of(message.getIdentifier(), sequence, (JournalEvent) message.getPayload());
    }
}
