package app.rekindle.command.eventstore;

import app.rekindle.command.transactions.AfterCommit;
import java.util.concurrent.Executor;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Long journals load from a snapshot plus the events after it, instead of replaying every event. */
@Configuration(proxyBeanMethods = false)
class SnapshotConfig {

    /** Referenced by name from {@code @Aggregate(snapshotTriggerDefinition = ...)} on the journal. */
    @Bean
    SnapshotTriggerDefinition journalSnapshotTrigger(
            Snapshotter snapshotter, @Value("${rekindle.snapshots.threshold:1000}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /**
     * Axon Boot's snapshotter, taking each snapshot on Spring's task executor once the command has committed, not on
     * the request thread inside the command's transaction: the command answers without waiting for a read of the
     * journal and two writes, and a failing snapshot can no longer fail the command's commit. A snapshot is only a
     * shortcut for loading (its own transaction, Axon's skips a concurrent duplicate): one not taken, e.g. at
     * shutdown, is taken at the next threshold, and meanwhile the journal loads from the one before. A journal in
     * the journal cache is written from there ({@link CachedJournalSnapshotter}) rather than read back and replayed.
     */
    @Bean
    SpringAggregateSnapshotter aggregateSnapshotter(
            org.axonframework.config.Configuration configuration,
            HandlerDefinition handlerDefinition,
            ParameterResolverFactory parameterResolverFactory,
            EventStore eventStore,
            TransactionManager transactionManager,
            SnapshotterSpanFactory spanFactory,
            @Qualifier("applicationTaskExecutor") Executor tasks,
            Cache journalCache,
            JournalLocks journalLocks,
            @Qualifier("eventSerializer") Serializer eventSerializer) {
        SpringAggregateSnapshotter.Builder builder = SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                // Even after a rollback: Axon counts the journal's snapshot as under way until its task has run,
                // and a snapshot of what is committed is as good as any.
                .executor(snapshot -> AfterCommit.runEvenAfterRollback(() -> tasks.execute(snapshot)));
        return new CachedJournalSnapshotter(
                builder, journalCache, journalLocks, eventSerializer, parameterResolverFactory, handlerDefinition);
    }
}
