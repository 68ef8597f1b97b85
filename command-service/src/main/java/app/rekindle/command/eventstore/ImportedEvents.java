package app.rekindle.command.eventstore;

import app.rekindle.events.PublishedEvent;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

/**
 * Appends a new journal's events that were decided outside the aggregate (an import, each event checked again by
 * the journal's rules first), keeping their ids, sequence numbers and times, in the caller's transaction.
 */
@Component
public class ImportedEvents {

    private final EventStore store;

    ImportedEvents(EventStore store) {
        this.store = store;
    }

    public void append(UUID journalId, List<PublishedEvent> events) {
        store.publish(events.stream()
                .map(published -> new GenericDomainEventMessage<>(
                        "Journal",
                        journalId.toString(),
                        published.sequence(),
                        published.event(),
                        MetaData.emptyInstance(),
                        published.eventId(),
                        published.event().recordedAt()))
                .toList());
    }
}
