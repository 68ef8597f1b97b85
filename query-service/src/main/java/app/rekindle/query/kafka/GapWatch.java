package app.rekindle.query.kafka;

import app.rekindle.query.config.RekindleKafkaProperties;
import app.rekindle.query.projection.Parking;
import app.rekindle.query.projection.ProjectionProperties;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Gives a missing event {@code rekindle.projection.gap-fill-after} to arrive by itself (a late or redelivered
 * record), then has the {@link GapFiller} look for it in Kafka; again every such period while it stays missing.
 */
@Component
class GapWatch implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GapWatch.class);

    private final GapFiller filler;
    private final Parking parking;
    private final ProjectionProperties properties;
    private final RekindleKafkaProperties kafka;
    private final Clock clock;
    private ScheduledExecutorService executor;

    GapWatch(
            GapFiller filler,
            Parking parking,
            ProjectionProperties properties,
            RekindleKafkaProperties kafka,
            Clock clock) {
        this.filler = filler;
        this.parking = parking;
        this.properties = properties;
        this.kafka = kafka;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        if (executor != null || !kafka.consumerEnabled()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("rekindle-gap-filler").factory());
        long period = Math.max(100, properties.gapFillAfter().toMillis());
        executor.scheduleWithFixedDelay(this::fillOldGaps, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    private void fillOldGaps() {
        try {
            for (UUID journalId : parking.waitingForGap(clock.instant().minus(properties.gapFillAfter()), 20)) {
                filler.fill(journalId);
            }
        } catch (RuntimeException e) {
            log.warn(
                    "Filling gaps failed; trying again later ({})", e.getClass().getName());
        }
    }
}
