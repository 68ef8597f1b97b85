package app.rekindle.events;

import app.rekindle.events.privacy.DataKeys;
import app.rekindle.events.privacy.SealedEvents;
import app.rekindle.events.privacy.TamperedFreeText;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.data.BytesCloudEventData;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import io.cloudevents.rw.CloudEventWriter;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.core.JacksonException;

/**
 * Maps events to and from Kafka records in the CloudEvents Kafka protocol binding, binary mode, with the
 * CloudEvents SDK ({@code cloudevents-kafka}): the value is the event's JSON, the attributes travel as
 * {@code ce_}-prefixed headers. The key is the journal id, so one journal's events stay in one partition, in order.
 * <p>
 * The attributes are handed to the SDK's writer as text, in the order records always had, rather than as a built
 * {@link CloudEvent}: the SDK would write {@code ce_time} with {@code ISO_OFFSET_DATE_TIME} (".1Z" where the topic
 * holds ".100Z") and the extensions in hash order, so the headers would no longer be byte for byte those already
 * on the topic.
 */
public final class CloudEventsKafka {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    /** CloudEvents "sequence" extension: the event's position in its journal. */
    public static final String SEQUENCE = "ce_sequence";
    /** Our extension: the schema version of the payload, for upcasting. */
    public static final String SCHEMA_VERSION = "ce_schemaversion";

    public static final String CONTENT_TYPE = "content-type";

    static final String SOURCE_VALUE = "/rekindle/command-service";

    private CloudEventsKafka() {}

    public static ProducerRecord<String, byte[]> toRecord(String topic, PublishedEvent published) {
        return toRecord(topic, published, JournalEventJson.toBytes(published.event()));
    }

    /**
     * A record whose value is the event's JSON as given, e.g. as stored with its free text sealed
     * ({@link SealedEvents}), so the publisher forwards ciphertext without opening it.
     */
    public static ProducerRecord<String, byte[]> toRecord(String topic, PublishedEvent published, byte[] payload) {
        return toRecord(topic, published.envelope(), payload);
    }

    /** A record of the event this envelope describes, whose JSON as given ({@code payload}) is its value. */
    public static ProducerRecord<String, byte[]> toRecord(String topic, EventEnvelope envelope, byte[] payload) {
        CloudEventWriter<ProducerRecord<String, byte[]>> writer = KafkaMessageFactory.createWriter(
                        topic, envelope.journalId().toString())
                .create(SpecVersion.V1);
        writer.withContextAttribute("id", envelope.eventId());
        writer.withContextAttribute("source", SOURCE_VALUE);
        writer.withContextAttribute("type", envelope.type().cloudEventType());
        writer.withContextAttribute("time", DateTimeFormatter.ISO_INSTANT.format(envelope.recordedAt()));
        writer.withContextAttribute("subject", envelope.journalId().toString());
        writer.withContextAttribute("sequence", Long.toString(envelope.sequence()));
        writer.withContextAttribute(
                "schemaversion", Integer.toString(envelope.type().version()));
        writer.withContextAttribute("datacontenttype", "application/json");
        return writer.end(BytesCloudEventData.wrap(payload));
    }

    /** Reads a record back into an event; sealed free text (if any) reads as null. */
    public static PublishedEvent fromRecord(ConsumerRecord<String, byte[]> record) {
        return fromRecord(record, DataKeys.NONE);
    }

    /**
     * Reads a record back into an event, upcast to the current version of its type, opening sealed free text
     * with the keys {@code keys} finds (a key that was destroyed leaves that text null; a failure of {@code keys}
     * itself propagates).
     *
     * @throws MalformedRecordException when a required header is missing or unreadable
     * @throws UnknownEventTypeException when the type is not one this build knows
     */
    public static PublishedEvent fromRecord(ConsumerRecord<String, byte[]> record, DataKeys keys) {
        CloudEvent cloudEvent = cloudEvent(record);
        String cloudType = cloudEvent.getType();
        if (!cloudType.startsWith(EventType.CLOUD_EVENTS_PREFIX)) {
            throw new UnknownEventTypeException(cloudType);
        }
        String name = cloudType.substring(EventType.CLOUD_EVENTS_PREFIX.length());
        try {
            int version = Integer.parseInt(required(record, cloudEvent.getExtension("schemaversion"), SCHEMA_VERSION));
            long sequence = Long.parseLong(required(record, cloudEvent.getExtension("sequence"), SEQUENCE));
            UUID journalId = UUID.fromString(required(record, cloudEvent.getSubject(), SUBJECT));
            // The data as the binding reads it is the record value; an empty one the binding reads as none.
            byte[] payload = cloudEvent.getData() == null
                    ? record.value()
                    : cloudEvent.getData().toBytes();
            JournalEvent event = SealedEvents.open(name, version, payload, keys);
            // The event is now at this build's version of its type, whatever version travelled.
            return new PublishedEvent(cloudEvent.getId(), journalId, sequence, EventTypes.of(event), event);
        } catch (IllegalArgumentException | JacksonException | TamperedFreeText e) {
            throw new MalformedRecordException(record, e.getMessage());
        }
    }

    /** The record's attributes as the binding reads them; a record lacking a required one is malformed. */
    private static CloudEvent cloudEvent(ConsumerRecord<String, byte[]> record) {
        try {
            return KafkaMessageFactory.createReader(record).toEvent();
        } catch (CloudEventRWException | IllegalStateException e) {
            throw new MalformedRecordException(record, e.getMessage());
        }
    }

    private static String required(ConsumerRecord<String, byte[]> record, Object value, String header) {
        if (value == null) {
            throw new MalformedRecordException(record, "missing header " + header);
        }
        return value.toString();
    }
}
