package app.rekindle.events;

import app.rekindle.events.privacy.DataKeys;
import app.rekindle.events.privacy.SealedEvents;
import app.rekindle.events.privacy.TamperedFreeText;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import tools.jackson.core.JacksonException;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * Maps events to and from Kafka records in the CloudEvents Kafka protocol binding, binary mode: the
 * value is the event's JSON, the attributes travel as {@code ce_}-prefixed headers. The key is the
 * journal id, so one journal's events stay in one partition, in order.
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

    private CloudEventsKafka() {
    }

    public static ProducerRecord<String, byte[]> toRecord(String topic, PublishedEvent published) {
        return toRecord(topic, published, JournalEventJson.toBytes(published.event()));
    }

    /**
     * A record whose value is the event's JSON as given, e.g. as stored with its free text sealed
     * ({@link SealedEvents}), so the publisher forwards ciphertext without opening it.
     */
    public static ProducerRecord<String, byte[]> toRecord(String topic, PublishedEvent published, byte[] payload) {
        Headers headers = new RecordHeaders();
        add(headers, SPEC_VERSION, "1.0");
        add(headers, ID, published.eventId());
        add(headers, SOURCE, SOURCE_VALUE);
        add(headers, TYPE, published.type().cloudEventType());
        add(headers, TIME, DateTimeFormatter.ISO_INSTANT.format(published.event().recordedAt()));
        add(headers, SUBJECT, published.journalId().toString());
        add(headers, SEQUENCE, Long.toString(published.sequence()));
        add(headers, SCHEMA_VERSION, Integer.toString(published.type().version()));
        add(headers, CONTENT_TYPE, "application/json");
        return new ProducerRecord<>(topic, null, published.journalId().toString(), payload, headers);
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
        String cloudType = header(record, TYPE);
        if (!cloudType.startsWith(EventType.CLOUD_EVENTS_PREFIX)) {
            throw new UnknownEventTypeException(cloudType);
        }
        String name = cloudType.substring(EventType.CLOUD_EVENTS_PREFIX.length());
        try {
            int version = Integer.parseInt(header(record, SCHEMA_VERSION));
            long sequence = Long.parseLong(header(record, SEQUENCE));
            UUID journalId = UUID.fromString(header(record, SUBJECT));
            JournalEvent event = SealedEvents.open(name, version, record.value(), keys);
            // The event is now at this build's version of its type, whatever version travelled.
            return new PublishedEvent(header(record, ID), journalId, sequence, EventTypes.of(event), event);
        } catch (IllegalArgumentException | JacksonException | TamperedFreeText e) {
            throw new MalformedRecordException(record, e.getMessage());
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            throw new MalformedRecordException(record, "missing header " + name);
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
