package app.rekindle.events;

import java.util.UUID;

/**
 * An event as it travels on Kafka: the event plus its envelope. {@code sequence} is the event's
 * position in its journal (0 for {@code JournalOpened}), which is also the journal's version after it.
 */
public record PublishedEvent(String eventId, UUID journalId, long sequence, EventType type, JournalEvent event) {

    /** Its record's attributes. */
    public EventEnvelope envelope() {
        return new EventEnvelope(eventId, journalId, sequence, type, event.recordedAt());
    }

    public static PublishedEvent of(String eventId, long sequence, JournalEvent event) {
        return new PublishedEvent(eventId, event.journalId(), sequence, EventTypes.of(event), event);
    }
}
