package app.rekindle.command.eventstore;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Long journals load from a snapshot plus the events after it, instead of replaying every event. */
@Configuration(proxyBeanMethods = false)
class SnapshotConfig {

    /** Referenced by name from {@code @Aggregate(snapshotTriggerDefinition = ...)} on the journal. */
    @Bean
    SnapshotTriggerDefinition journalSnapshotTrigger(
            Snapshotter snapshotter, @Value("${rekindle.snapshots.threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
