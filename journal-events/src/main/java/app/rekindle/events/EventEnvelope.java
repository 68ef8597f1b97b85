package app.rekindle.events;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * What a journal event's Kafka record says about the event besides its payload: the CloudEvents attributes
 * ({@link CloudEventsKafka}). The publisher builds it from a stored event without reading the event itself: parsing
 * each stored event's whole JSON to build the envelope was about half of the publisher's time in its event handler.
 */
public record EventEnvelope(String eventId, UUID journalId, long sequence, EventType type, Instant recordedAt) {

    /**
     * The envelope of a stored event of this build's version of {@code type}, its payload {@code json} read only as
     * far as its {@code recordedAt}.
     *
     * @throws IllegalArgumentException when the JSON is not an object with a {@code recordedAt} instant
     */
    public static EventEnvelope ofStored(String eventId, UUID journalId, long sequence, EventType type, byte[] json) {
        return new EventEnvelope(eventId, journalId, sequence, type, recordedAt(json));
    }

    public boolean isErasure() {
        return type.equals(EventTypes.typeOf(JournalEvent.JournalErased.class));
    }

    /** The top-level {@code recordedAt} field, nested values skipped unread. */
    static Instant recordedAt(byte[] json) {
        try (JsonParser parser = JournalEventJson.mapper().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("A stored event is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("recordedAt") && value == JsonToken.VALUE_STRING) {
                    return Instant.parse(parser.getString());
                }
                parser.skipChildren();
            }
        }
        throw new IllegalArgumentException("A stored event has no recordedAt");
    }
}
