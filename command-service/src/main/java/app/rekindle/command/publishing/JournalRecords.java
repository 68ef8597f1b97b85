package app.rekindle.command.publishing;

import app.rekindle.command.observability.TracePropagation;
import app.rekindle.events.CloudEventsKafka;
import app.rekindle.events.EventEnvelope;
import app.rekindle.events.EventTypes;
import app.rekindle.events.JournalEvent;
import app.rekindle.events.PublishedEvent;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.DomainEventMessage;
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

    ProducerRecord<String, byte[]> of(EventEnvelope envelope, EventMessage<?> message) {
        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord(topic.name(), envelope, stored(message));
        if (message.getMetaData().get(TracePropagation.METADATA_KEY) instanceof String traceId) {
            // CloudEvents' distributed-tracing extension, in the binary mode's ce_ header form.
            record.headers()
                    .add(TRACEPARENT, TracePropagation.traceparent(traceId).getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    /**
     * A stored event's envelope, without reading the event: its journal is the aggregate's, its type the payload
     * type's, and only {@code recordedAt} is read from the stored bytes. Reading the whole event (its free text left
     * sealed) was about half of the publisher's time in its event handler; opening the free text as well had cost a key lookup and a
     * decryption. The record carries the stored bytes either way.
     */
    EventEnvelope unopened(DomainEventMessage<?> message, long sequence) {
        return EventEnvelope.ofStored(
                message.getIdentifier(),
                UUID.fromString(message.getAggregateIdentifier()),
                sequence,
                EventTypes.typeOf(message.getPayloadType()),
                stored(message));
    }

    /** The stored bytes as they are: free text stays sealed, and is not sealed afresh under another nonce. */
    private byte[] stored(EventMessage<?> message) {
        return message.serializePayload(eventSerializer, byte[].class).getData();
    }

    /** The envelope of an event whose payload is at hand (being appended, or read back by an operator's retry). */
    static EventEnvelope envelope(EventMessage<?> message, long sequence) {
        return PublishedEvent.of(message.getIdentifier(), sequence, (JournalEvent) message.getPayload())
                .envelope();
    }
}
