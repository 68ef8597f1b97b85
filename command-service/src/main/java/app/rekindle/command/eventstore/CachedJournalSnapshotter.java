package app.rekindle.command.eventstore;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;

/**
 * Axon's snapshotter, except that a journal held in the journal cache is written as it is held instead of being
 * read back from the store: Axon's task reads the last snapshot and every event since (up to the threshold's
 * 1,000), opens their sealed free text and replays them, only to arrive at the state the command that triggered
 * the snapshot has just committed and cached. A journal not in the cache, or deleted, is snapshotted as Axon does.
 *
 * <p>The cached journal is the one object the next command on it changes, so it is written out while holding that
 * journal's lock, which {@link AggregateCacheConfig}'s guard holds from a command's start until its Spring
 * transaction has completed (a rolled-back command's journal has left the cache by then): with the lock held the
 * cached journal is exactly a committed version. The lock is held only to serialize, never across a database call,
 * so a command holding a connection and waiting for the lock cannot wait on a snapshot that waits for a connection.
 */
final class CachedJournalSnapshotter extends SpringAggregateSnapshotter {

    private final Cache journalCache;
    private final JournalLocks locks;
    private final Serializer serializer;
    private final ParameterResolverFactory parameterResolverFactory;
    private final HandlerDefinition handlerDefinition;
    private final Map<Class<?>, AggregateModel<?>> models = new ConcurrentHashMap<>();

    CachedJournalSnapshotter(
            Builder builder,
            Cache journalCache,
            JournalLocks locks,
            Serializer serializer,
            ParameterResolverFactory parameterResolverFactory,
            HandlerDefinition handlerDefinition) {
        super(builder);
        this.journalCache = journalCache;
        this.locks = locks;
        this.serializer = serializer;
        this.parameterResolverFactory = parameterResolverFactory;
        this.handlerDefinition = handlerDefinition;
    }

    /** Runs inside the snapshot's transaction (Axon wraps the task). */
    @Override
    protected Runnable createSnapshotterTask(Class<?> aggregateType, String aggregateIdentifier) {
        Runnable fromStore = super.createSnapshotterTask(aggregateType, aggregateIdentifier);
        return () -> {
            DomainEventMessage<?> cached = fromCache(aggregateType, aggregateIdentifier);
            if (cached == null) {
                fromStore.run();
            } else {
                getEventStore().storeSnapshot(cached);
            }
        };
    }

    private DomainEventMessage<?> fromCache(Class<?> aggregateType, String aggregateIdentifier) {
        ReentrantLock lock = locks.of(aggregateIdentifier);
        if (lock.isHeldByCurrentThread()) {
            // Run on the command's own thread before its transaction completed: the cached journal may not be
            // committed.
            return null;
        }
        AggregateModel<?> model = models.computeIfAbsent(
                aggregateType,
                type -> AnnotatedAggregateMetaModelFactory.inspectAggregate(
                        type, parameterResolverFactory, handlerDefinition));
        SerializedObject<byte[]> payload;
        long version;
        lock.lock();
        try {
            AggregateCacheEntry<?> entry = journalCache.get(aggregateIdentifier);
            if (entry == null) {
                return null;
            }
            EventSourcedAggregate<?> journal = recreate(entry, model);
            if (journal.isDeleted() || journal.version() == null) {
                return null;
            }
            version = journal.version();
            payload = serializer.serialize(journal.getAggregateRoot(), byte[].class);
        } finally {
            lock.unlock();
        }
        SerializedObject<byte[]> metaData = serializer.serialize(MetaData.emptyInstance(), byte[].class);
        return new GenericDomainEventMessage<>(
                model.type(),
                aggregateIdentifier,
                version,
                new SerializedMessage<>(
                        IdentifierFactory.getInstance().generateIdentifier(), payload, metaData, serializer),
                GenericEventMessage.clock.instant());
    }

    @SuppressWarnings("unchecked")
    private <T> EventSourcedAggregate<T> recreate(AggregateCacheEntry<?> entry, AggregateModel<T> model) {
        return ((AggregateCacheEntry<T>) entry)
                .recreateAggregate(model, getEventStore(), NoSnapshotTriggerDefinition.INSTANCE);
    }
}
