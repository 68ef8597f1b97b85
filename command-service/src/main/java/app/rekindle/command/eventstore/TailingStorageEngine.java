package app.rekindle.command.eventstore;

import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC storage engine, with a read that may block reading one batch. That read is the publisher's
 * ({@link CommitWokenStream}), which reads again at once whenever a read found events, and otherwise waits for the
 * next commit. Axon's stream fetched until a batch came back empty, so every wake-up cost two empty fetches, each with
 * its gap check ({@code min(global_index)} beyond the token), where one tells the same. Readers catching up on their
 * own ({@code mayBlock} false) still read to the end.
 */
final class TailingStorageEngine extends JdbcEventStorageEngine {

    TailingStorageEngine(Builder builder) {
        super(builder);
    }

    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        if (!mayBlock) {
            return super.readEventData(trackingToken, false);
        }
        return fetchTrackedEvents(trackingToken, batchSize()).stream();
    }
}
