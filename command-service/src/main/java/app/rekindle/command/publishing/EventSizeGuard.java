package app.rekindle.command.publishing;

import app.rekindle.events.JournalEvent;
import app.rekindle.events.rules.EventSize;
import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.stereotype.Component;

/**
 * Refuses, before it is stored, an event whose Kafka record would exceed {@link EventSize#MAX_BYTES}: what the store
 * takes, the publisher can always send. One check where every event is appended (commands and imports alike): it
 * runs on the event store's dispatch, inside the appending transaction, so a refused event rolls everything back.
 * The payload is serialized here with the store's serializer; the message keeps that form, so the store writes the
 * very bytes that were measured.
 */
@Component
class EventSizeGuard implements MessageDispatchInterceptor<EventMessage<?>> {

    private final JournalRecords records;

    EventSizeGuard(EventStore eventStore, JournalRecords records) {
        this.records = records;
        eventStore.registerDispatchInterceptor(this);
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, message) -> {
            if (message.getPayload() instanceof JournalEvent && message instanceof DomainEventMessage<?> domain) {
                int size =
                        EventSize.of(records.of(JournalRecords.envelope(domain, domain.getSequenceNumber()), domain));
                if (size > EventSize.MAX_BYTES) {
                    throw new EventTooLarge(size);
                }
            }
            return message;
        };
    }
}
