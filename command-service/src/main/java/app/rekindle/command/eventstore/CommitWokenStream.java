package app.rekindle.command.eventstore;

import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * One tracking reader's stream (the publisher's) over the event store. It reads a batch at a time from its own token,
 * and reads again only when that may find something: the last read found events, this service committed since, or
 * {@code foreignCommitDelay} has passed (commits of another instance send no signal).
 *
 * <p>It replaces Axon's shared cache of recent events ({@code EmbeddedEventStore}). That cache finds a reader's place by
 * equality of gap-aware tokens; a reader that caught up on a private read carries the gaps it saw, which under
 * overlapping commits differ from the cache's, so it was sent back to a private read that nothing wakes, and waited
 * out its processor's whole availability timeout (a second) with events waiting: the benchmark's lag saw-tooth.
 */
final class CommitWokenStream implements TrackingEventStream {

    private final EventStorageEngine storage;
    private final Commits commits;
    private final long foreignCommitNanos;
    private TrackingToken lastToken;
    private Iterator<? extends TrackedEventMessage<?>> lastRead = Collections.emptyIterator();
    private boolean lastReadFoundEvents = true;
    private long commitsAtLastRead = -1;
    private long lastReadAt;
    private TrackedEventMessage<?> peeked;

    /**
     * @param commits the commits of this service that appended events ({@link CommittedEventStore})
     */
    CommitWokenStream(
            EventStorageEngine storage, Commits commits, Duration foreignCommitDelay, TrackingToken startAfter) {
        this.storage = storage;
        this.commits = commits;
        this.foreignCommitNanos = foreignCommitDelay.toNanos();
        this.lastToken = startAfter;
    }

    @Override
    public Optional<TrackedEventMessage<?>> peek() {
        return hasNextAvailable() ? Optional.of(peeked) : Optional.empty();
    }

    @Override
    public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (peeked == null) {
            if (!lastRead.hasNext() && worthReading(timeout <= 0)) {
                read();
            }
            if (lastRead.hasNext()) {
                peeked = lastRead.next();
                lastToken = peeked.trackingToken();
            } else if (!awaitCommitBefore(deadline)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
        while (!hasNextAvailable(Integer.MAX_VALUE, TimeUnit.MILLISECONDS)) {
            // a wait that long ended by itself: wait again
        }
        TrackedEventMessage<?> next = peeked;
        peeked = null;
        return next;
    }

    @Override
    public void close() {
        lastRead = Collections.emptyIterator();
    }

    /**
     * A peek (no wait) reads only after a commit: the processor peeks to fill the batch in hand, and a read that
     * finds nothing would only delay that batch. The wait that starts its next batch reads on after a read that found
     * events.
     */
    private boolean worthReading(boolean peek) {
        return commits.count() != commitsAtLastRead
                || (lastReadFoundEvents && !peek)
                || System.nanoTime() - lastReadAt >= foreignCommitNanos;
    }

    /** One batch from the token ({@link TailingStorageEngine}: a read that may block reads one batch). */
    private void read() {
        commitsAtLastRead = commits.count();
        lastReadAt = System.nanoTime();
        try (Stream<? extends TrackedEventMessage<?>> batch = storage.readEvents(lastToken, true)) {
            List<? extends TrackedEventMessage<?>> events = batch.toList();
            lastReadFoundEvents = !events.isEmpty();
            lastRead = events.iterator();
        }
    }

    /** False once the deadline has passed; true after a commit or when a read is due for other instances' commits. */
    private boolean awaitCommitBefore(long deadline) throws InterruptedException {
        long now = System.nanoTime();
        long untilDeadline = deadline - now;
        if (untilDeadline <= 0) {
            return false;
        }
        long untilForeignRead = lastReadAt + foreignCommitNanos - now;
        commits.awaitPast(commitsAtLastRead, Math.min(untilDeadline, untilForeignRead), TimeUnit.NANOSECONDS);
        return true;
    }
}
