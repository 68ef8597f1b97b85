package app.rekindle.command.eventstore;

import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * Axon's embedded event store, waking its tracking readers (the publisher) once the appended events are visible.
 * Woken at Axon's unit-of-work commit, inside a request's Spring transaction, the reader found nothing (a
 * transaction of two queries for nothing), and the events waited for the next append or for its fetch delay (a
 * second). Now the wake-up waits for the Spring transaction's commit ({@link AfterCommit}).
 */
final class CommittedEventStore extends EmbeddedEventStore {

    CommittedEventStore(Builder builder) {
        super(builder);
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        AfterCommit.run(() -> super.afterCommit(events));
    }
}
