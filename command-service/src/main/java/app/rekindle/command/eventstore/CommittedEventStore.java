package app.rekindle.command.eventstore;

import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's embedded event store, waking its tracking readers (the publisher) once the appended events are visible.
 * Axon wakes them when its unit of work commits; inside a request's Spring transaction that is before the
 * transaction does, so the reader found nothing (a transaction of two queries for nothing), and the events waited
 * for the next append or for its fetch delay (a second). Now the wake-up waits for the Spring transaction's commit,
 * and a transaction that rolls back wakes no one; without a Spring transaction it comes at once, as before.
 */
final class CommittedEventStore extends EmbeddedEventStore {

    CommittedEventStore(Builder builder) {
        super(builder);
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            super.afterCommit(events);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                CommittedEventStore.super.afterCommit(events);
            }
        });
    }
}
