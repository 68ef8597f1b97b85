package app.rekindle.command.eventstore;

import app.rekindle.events.EventTypes;
import app.rekindle.events.JournalEvent;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.RevisionResolver;

/**
 * Stores each event's schema version from the contract's {@link EventTypes} registry (the same number that
 * travels on Kafka), so an upcaster can recognise old versions. Other payloads take their {@code @Revision}, if
 * any: the journal's snapshot has one, and Axon loads only snapshots of the aggregate's current revision.
 */
final class JournalEventRevisions implements RevisionResolver {

    private final RevisionResolver annotations = new AnnotationRevisionResolver();

    @Override
    public String revisionOf(Class<?> payloadType) {
        if (JournalEvent.class.isAssignableFrom(payloadType)) {
            return Integer.toString(EventTypes.typeOf(payloadType).version());
        }
        return annotations.revisionOf(payloadType);
    }
}
