package app.rekindle.command.eventstore;

import app.rekindle.command.transactions.AfterCommit;
import java.time.Duration;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * Axon's embedded event store, with tracking readers (the publisher) on {@link CommitWokenStream}s woken once the
 * appended events are visible. Woken at Axon's unit-of-work commit, inside a request's Spring transaction, a reader
 * found nothing (a transaction of two queries for nothing), and the events waited for the next append or for the fetch
 * delay (a second). Now the wake-up waits for the Spring transaction's commit ({@link AfterCommit}).
 */
final class CommittedEventStore extends EmbeddedEventStore {

    /** How soon a reader looks for events that another instance committed (Axon's own fetch delay). */
    static final Duration FOREIGN_COMMIT_DELAY = Duration.ofSeconds(1);

    private final Commits commits = new Commits();

    CommittedEventStore(Builder builder) {
        super(builder);
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        return new CommitWokenStream(storageEngine(), commits, FOREIGN_COMMIT_DELAY, trackingToken);
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        AfterCommit.run(commits::committed);
    }
}
