package app.rekindle.query.rebuild;

import app.rekindle.events.PublishedEvent;
import app.rekindle.query.config.RekindleKafkaProperties;
import app.rekindle.query.kafka.KafkaConsumers;
import app.rekindle.query.keys.KeyServiceUnavailable;
import app.rekindle.query.projection.EventReader;
import app.rekindle.query.projection.Incoming;
import app.rekindle.query.projection.Parking;
import app.rekindle.query.projection.Projector;
import app.rekindle.query.projection.RecordCopy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rebuilds every view from offset 0 of the topic into a shadow schema while the live views keep answering
 * and keep being projected, then switches. The last stretch (events published while building) is applied
 * with the local Projector held exclusively, so no live event lands in the old views after the shadow
 * caught up. With several query-service instances, the others' consumers must be stopped meanwhile.
 */
@Component
class Rebuilder {

    private static final Logger log = LoggerFactory.getLogger(Rebuilder.class);

    private final AtomicReference<RebuildProgress> progress = new AtomicReference<>(RebuildProgress.idle());
    private final ShadowSchema schemas;
    private final Projector projector;
    private final Parking parking;
    private final EventReader reader;
    private final RekindleKafkaProperties kafka;
    private final Clock clock;

    Rebuilder(
            ShadowSchema schemas,
            Projector projector,
            Parking parking,
            EventReader reader,
            RekindleKafkaProperties kafka,
            Clock clock) {
        this.parking = parking;
        this.reader = reader;
        this.schemas = schemas;
        this.projector = projector;
        this.kafka = kafka;
        this.clock = clock;
    }

    RebuildProgress progress() {
        return progress.get();
    }

    /** Starts a rebuild unless one is running; answers the progress either way. */
    synchronized RebuildProgress start() {
        RebuildProgress current = progress.get();
        if (current.state() == RebuildProgress.State.BUILDING || current.state() == RebuildProgress.State.SWITCHING) {
            return current;
        }
        progress.set(
                new RebuildProgress(RebuildProgress.State.BUILDING, clock.instant(), null, 0, 0, null, null, null));
        Thread.ofPlatform().name("rekindle-rebuild").start(this::run);
        return progress.get();
    }

    private void run() {
        String live = schemas.live();
        String shadow = live + "_rebuild";
        long[] done = {0};
        try (Consumer<String, byte[]> consumer = KafkaConsumers.withoutGroup(kafka.bootstrapServers())) {
            schemas.create(shadow);
            // Erased journals stay erased: their events are ignored from the first one, not rebuilt then purged.
            schemas.keepErased(live, shadow);
            List<TopicPartition> partitions = consumer.partitionsFor(kafka.topic()).stream()
                    .map(p -> new TopicPartition(kafka.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long total = partitions.stream()
                    .mapToLong(p -> end.get(p) - begin.get(p))
                    .sum();
            consumeUntil(consumer, end, shadow, done, total, RebuildProgress.State.BUILDING);
            projector.exclusively(() -> {
                // Nothing is projected into the live views now; catch up with everything published so far.
                consumeUntil(
                        consumer,
                        consumer.endOffsets(partitions),
                        shadow,
                        done,
                        total,
                        RebuildProgress.State.SWITCHING);
                schemas.switchTo(shadow, live);
                return null;
            });
            progress.set(progress.get().at(RebuildProgress.State.DONE, done[0], total, clock.instant()));
            log.info("Views rebuilt from {} events and switched", done[0]);
        } catch (RuntimeException e) {
            log.error(
                    "Rebuild failed; the live views are unchanged ({})",
                    e.getClass().getName(),
                    e);
            RebuildProgress failed = progress.get();
            progress.set(new RebuildProgress(
                    RebuildProgress.State.FAILED,
                    failed.startedAt(),
                    clock.instant(),
                    done[0],
                    failed.eventsTotal(),
                    null,
                    null,
                    e.getClass().getSimpleName()));
        }
    }

    private void consumeUntil(
            Consumer<String, byte[]> consumer,
            Map<TopicPartition, Long> targets,
            String shadow,
            long[] done,
            long total,
            RebuildProgress.State state) {
        while (targets.entrySet().stream().anyMatch(t -> consumer.position(t.getKey()) < t.getValue())) {
            List<Incoming> batch = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                read(record).ifPresent(published -> batch.add(Incoming.fresh(published, RecordCopy.of(record))));
                done[0]++;
            }
            apply(batch, shadow);
            progress.set(progress.get().at(state, done[0], total, clock.instant()));
        }
    }

    /** Like the live consumer: an unreadable record is skipped. */
    private Optional<PublishedEvent> read(ConsumerRecord<String, byte[]> record) {
        try {
            return Optional.of(reader.read(record)); // the same reading as the live consumer's
        } catch (KeyServiceUnavailable e) {
            throw e; // without keys the rebuilt views would lack text: fail, the live views stay
        } catch (RuntimeException e) {
            log.warn(
                    "Rebuild skipped an unreadable record {}-{}@{}",
                    record.topic(),
                    record.partition(),
                    record.offset());
            return Optional.empty();
        }
    }

    /**
     * A poll in one transaction; should it fail, event by event, and a failing event is parked in the rebuilt
     * views' dead-letter store like the live consumer would (its journal's later events wait behind it there).
     */
    private void apply(List<Incoming> batch, String shadow) {
        try {
            schemas.inside(shadow, () -> projector.applyAllUncounted(batch));
        } catch (RuntimeException batchFailed) {
            for (Incoming incoming : batch) {
                try {
                    schemas.inside(shadow, () -> projector.applyAllUncounted(List.of(incoming)));
                } catch (RuntimeException e) {
                    schemas.inside(shadow, () -> {
                        parking.park(incoming, e.getClass().getSimpleName());
                        return null;
                    });
                }
            }
        }
    }
}
