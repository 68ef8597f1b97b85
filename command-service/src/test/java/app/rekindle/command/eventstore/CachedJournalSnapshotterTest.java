package app.rekindle.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.ClasspathHandlerDefinition;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class CachedJournalSnapshotterTest {

    /** A stand-in aggregate: the snapshotter handles any cached aggregate the same way. */
    static class Counter {
        @AggregateIdentifier
        String id = "counter-1";
    }

    private static final byte[] STATE = "{\"id\":\"counter-1\"}".getBytes(StandardCharsets.UTF_8);

    private final EventStore eventStore = mock(EventStore.class);
    private final Serializer serializer = mock(Serializer.class);
    private final Cache cache = new JournalCache(10);
    private final JournalLocks locks = new JournalLocks();
    private final ParameterResolverFactory resolvers = ClasspathParameterResolverFactory.forClass(Counter.class);
    private final HandlerDefinition handlers = ClasspathHandlerDefinition.forClass(Counter.class);
    private final ExecutorService command = Executors.newSingleThreadExecutor();
    private final CachedJournalSnapshotter snapshotter = new CachedJournalSnapshotter(
            SpringAggregateSnapshotter.builder().eventStore(eventStore).executor(Runnable::run),
            cache,
            locks,
            serializer,
            resolvers,
            handlers);

    CachedJournalSnapshotterTest() {
        doReturn(new SimpleSerializedObject<>(STATE, byte[].class, Counter.class.getName(), "2"))
                .when(serializer)
                .serialize(any(), eq(byte[].class));
        doReturn(new ChainingConverter()).when(serializer).getConverter();
        doReturn(Counter.class).when(serializer).classForType(any());
    }

    @AfterEach
    void stopCommandThread() {
        command.shutdownNow();
    }

    @Test
    void a_cached_journal_is_written_at_its_cached_version_without_reading_its_events() {
        cacheAtVersion(7);

        snapshotter.scheduleSnapshot(Counter.class, "counter-1");

        DomainEventMessage<?> snapshot = storedSnapshot();
        assertThat(snapshot.getAggregateIdentifier()).isEqualTo("counter-1");
        assertThat(snapshot.getSequenceNumber()).isEqualTo(7);
        assertThat(snapshot.serializePayload(serializer, byte[].class).getData())
                .isEqualTo(STATE);
        verify(eventStore, never()).readEvents(any());
    }

    @Test
    void a_journal_not_in_the_cache_is_read_from_the_store_as_axon_does() {
        snapshotter.scheduleSnapshot(Counter.class, "counter-1");

        verify(eventStore).readEvents("counter-1");
        verify(eventStore, never()).storeSnapshot(any());
    }

    @Test
    void a_cached_journal_is_written_only_once_the_command_holding_its_lock_has_finished() throws Exception {
        cacheAtVersion(7);
        command.submit(() -> locks.of("counter-1").lock()).get();

        CompletableFuture<Void> snapshot =
                CompletableFuture.runAsync(() -> snapshotter.scheduleSnapshot(Counter.class, "counter-1"));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !snapshot.isDone());
        cacheAtVersion(8);
        command.submit(() -> locks.of("counter-1").unlock()).get();

        await().atMost(Duration.ofSeconds(5)).until(snapshot::isDone);
        assertThat(storedSnapshot().getSequenceNumber()).isEqualTo(8);
    }

    private void cacheAtVersion(long version) {
        EventSourcedAggregate<Counter> aggregate = EventSourcedAggregate.reconstruct(
                new Counter(),
                AnnotatedAggregateMetaModelFactory.inspectAggregate(Counter.class, resolvers, handlers),
                version,
                false,
                eventStore,
                NoSnapshotTriggerDefinition.TRIGGER);
        cache.put("counter-1", new AggregateCacheEntry<>(aggregate));
    }

    private DomainEventMessage<?> storedSnapshot() {
        @SuppressWarnings("unchecked")
        ArgumentCaptor<DomainEventMessage<?>> stored = ArgumentCaptor.forClass(DomainEventMessage.class);
        verify(eventStore).storeSnapshot(stored.capture());
        return stored.getValue();
    }
}
