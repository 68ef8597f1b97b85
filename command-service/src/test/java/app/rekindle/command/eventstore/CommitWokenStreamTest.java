package app.rekindle.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;

/** When the publisher's stream reads the event store, and that a commit wakes it at once (CommittedEventStore). */
class CommitWokenStreamTest {

    private static final Duration NO_OTHER_INSTANCE = Duration.ofHours(1);

    private final EventStorageEngine storage = mock(EventStorageEngine.class);
    private final Commits commits = new Commits();

    @Test
    void with_nothing_committed_it_reads_once_however_often_it_is_asked() throws InterruptedException {
        when(storage.readEvents(any(), eq(true))).thenAnswer(read -> Stream.empty());
        CommitWokenStream stream = new CommitWokenStream(storage, commits, NO_OTHER_INSTANCE, null);

        assertThat(stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(stream.peek()).isEmpty();
        assertThat(stream.hasNextAvailable(20, TimeUnit.MILLISECONDS)).isFalse();

        verify(storage, times(1)).readEvents(any(), eq(true));
    }

    @Test
    void each_commit_makes_the_next_question_read_again() throws InterruptedException {
        when(storage.readEvents(any(), eq(true))).thenAnswer(read -> Stream.empty());
        CommitWokenStream stream = new CommitWokenStream(storage, commits, NO_OTHER_INSTANCE, null);
        stream.hasNextAvailable(0, TimeUnit.MILLISECONDS);

        commits.committed();
        stream.hasNextAvailable(0, TimeUnit.MILLISECONDS);
        stream.hasNextAvailable(0, TimeUnit.MILLISECONDS);

        verify(storage, times(2)).readEvents(any(), eq(true));
    }

    @Test
    void filling_a_batch_reads_again_only_after_a_commit() throws InterruptedException {
        when(storage.readEvents(any(), eq(true)))
                .thenAnswer(read -> Stream.of(event(1)))
                .thenAnswer(read -> Stream.of(event(2)));
        CommitWokenStream stream = new CommitWokenStream(storage, commits, NO_OTHER_INSTANCE, null);
        stream.nextAvailable();

        assertThat(stream.peek()).isEmpty();
        verify(storage, times(1)).readEvents(any(), eq(true));

        commits.committed();
        assertThat(stream.peek()).map(TrackedEventMessage::trackingToken).contains(new GlobalSequenceTrackingToken(2));
    }

    @Test
    void the_wait_for_the_next_batch_reads_on_after_a_read_that_found_events() throws InterruptedException {
        when(storage.readEvents(any(), eq(true)))
                .thenAnswer(read -> Stream.of(event(1)))
                .thenAnswer(read -> Stream.of(event(2)));
        CommitWokenStream stream = new CommitWokenStream(storage, commits, NO_OTHER_INSTANCE, null);
        stream.nextAvailable();

        assertThat(stream.hasNextAvailable(1, TimeUnit.MILLISECONDS)).isTrue();
        verify(storage, times(2)).readEvents(any(), eq(true));
    }

    @Test
    void a_reader_waiting_at_the_tail_is_woken_by_a_commit_long_before_its_timeout() throws Exception {
        when(storage.readEvents(any(), eq(true)))
                .thenAnswer(read -> Stream.empty())
                .thenAnswer(read -> Stream.of(event(1)));
        CommitWokenStream stream = new CommitWokenStream(storage, commits, NO_OTHER_INSTANCE, null);
        stream.hasNextAvailable(0, TimeUnit.MILLISECONDS);

        CompletableFuture<Boolean> waiting =
                CompletableFuture.supplyAsync(() -> waitFor(stream, Duration.ofMinutes(5)));
        commits.committed();

        assertThat(waiting.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(stream.nextAvailable().trackingToken()).isEqualTo(new GlobalSequenceTrackingToken(1));
    }

    @Test
    void what_another_instance_committed_is_read_after_the_foreign_commit_delay() throws InterruptedException {
        when(storage.readEvents(any(), eq(true)))
                .thenAnswer(read -> Stream.empty())
                .thenAnswer(read -> Stream.of(event(1)));
        CommitWokenStream stream = new CommitWokenStream(storage, commits, Duration.ofMillis(50), null);
        stream.hasNextAvailable(0, TimeUnit.MILLISECONDS);

        assertThat(stream.hasNextAvailable(5, TimeUnit.MINUTES)).isTrue();
        verify(storage, times(2)).readEvents(any(), eq(true));
    }

    @Test
    void it_reads_on_from_the_last_event_it_handed_out_without_waiting_for_a_commit() throws InterruptedException {
        TrackingToken start = new GlobalSequenceTrackingToken(0);
        when(storage.readEvents(start, true)).thenAnswer(read -> Stream.of(event(1), event(2)));
        when(storage.readEvents(new GlobalSequenceTrackingToken(2), true)).thenAnswer(read -> Stream.of(event(3)));
        CommitWokenStream stream = new CommitWokenStream(storage, commits, NO_OTHER_INSTANCE, start);

        assertThat(stream.nextAvailable().trackingToken()).isEqualTo(new GlobalSequenceTrackingToken(1));
        assertThat(stream.peek()).map(TrackedEventMessage::trackingToken).contains(new GlobalSequenceTrackingToken(2));
        assertThat(stream.nextAvailable().trackingToken()).isEqualTo(new GlobalSequenceTrackingToken(2));
        assertThat(stream.nextAvailable().trackingToken()).isEqualTo(new GlobalSequenceTrackingToken(3));
    }

    private static TrackedEventMessage<?> event(long globalIndex) {
        return new GenericTrackedEventMessage<>(
                new GlobalSequenceTrackingToken(globalIndex),
                GenericEventMessage.asEventMessage("event " + globalIndex));
    }

    private static boolean waitFor(CommitWokenStream stream, Duration atMost) {
        try {
            return stream.hasNextAvailable((int) atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
