package app.rekindle.command.eventstore;

import app.rekindle.events.EventType;
import app.rekindle.events.EventTypes;
import app.rekindle.events.EventUpcasters;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import tools.jackson.databind.node.ObjectNode;

/**
 * Lets Axon read journal events stored at an older schema version: the stored revision is the contract's
 * version (see {@link JournalEventRevisions}), and the JSON goes through the same {@link EventUpcasters} that
 * Kafka consumers and imports use, so the event store and the topic can never disagree on what a v1 event means.
 */
final class ContractUpcaster extends SingleEventUpcaster {

    /** Axon names a payload by its class; snapshots and other payloads are not in here and pass untouched. */
    private final Map<String, EventType> currentByClassName = EventTypes.byName().values().stream()
            .collect(Collectors.toUnmodifiableMap(Class::getName, EventTypes::typeOf));

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation stored) {
        EventType current = currentByClassName.get(stored.getType().getName());
        return current != null
                && stored.getType().getRevision() != null
                && Integer.parseInt(stored.getType().getRevision()) < current.version();
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation stored) {
        EventType current = currentByClassName.get(stored.getType().getName());
        int storedVersion = Integer.parseInt(stored.getType().getRevision());
        SerializedType upcast =
                new SimpleSerializedType(stored.getType().getName(), Integer.toString(current.version()));
        return stored.upcastPayload(
                upcast, ObjectNode.class, json -> EventUpcasters.toCurrent(current.name(), storedVersion, json));
    }
}
