package app.rekindle.query.kafka;

import app.rekindle.query.config.RekindleKafkaProperties;
import app.rekindle.query.projection.ProjectionProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Gives a missing event {@code rekindle.projection.gap-fill-after} to arrive by itself (a late or redelivered
 * record), then has the {@link GapFiller} look for it in Kafka; again every such period while it stays missing.
 */
@Component
class GapWatch implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GapWatch.class);

    private final GapFiller filler;
    private final JdbcClient jdbc;
    private final ProjectionProperties properties;
    private final RekindleKafkaProperties kafka;
    private final Clock clock;
    private ScheduledExecutorService executor;

    GapWatch(GapFiller filler, JdbcClient jdbc, ProjectionProperties properties, RekindleKafkaProperties kafka,
             Clock clock) {
        this.filler = filler;
        this.jdbc = jdbc;
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
            Timestamp before = Timestamp.from(clock.instant().minus(properties.gapFillAfter()));
            for (UUID journalId : jdbc.sql("""
                            select journal_id from journal_position
                            where blocked_by = 'GAP' and updated_at <= :before order by updated_at limit 20""")
                    .param("before", before).query(UUID.class).list()) {
                filler.fill(journalId);
            }
        } catch (RuntimeException e) {
            log.warn("Filling gaps failed; trying again later ({})", e.getClass().getName());
        }
    }
}
