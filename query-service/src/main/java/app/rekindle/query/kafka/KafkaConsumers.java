package app.rekindle.query.kafka;

import app.rekindle.query.config.RekindleKafkaProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/** The consumer settings the projection relies on, in one place. */
@Component
public class KafkaConsumers implements DisposableBean {

    private static final Duration METRICS_REFRESH = Duration.ofSeconds(5);

    private final RekindleKafkaProperties properties;
    private final MeterRegistry registry;
    private KafkaClientMetrics metrics;

    KafkaConsumers(RekindleKafkaProperties properties, MeterRegistry registry) {
        this.properties = properties;
        this.registry = registry;
    }

    /**
     * A consumer whose own metrics are on /actuator/prometheus, among them the lag per partition
     * ({@code kafka_consumer_fetch_manager_records_lag{topic,partition}}): how far this instance is behind.
     */
    synchronized Consumer<String, byte[]> create() {
        Consumer<String, byte[]> consumer = newConsumer();
        destroy();
        // Per-partition meters appear only once partitions are assigned, so look for new ones every few
        // seconds rather than Micrometer's default minute.
        metrics = new KafkaClientMetrics(
                consumer,
                List.of(),
                Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                        .daemon()
                        .name("rekindle-consumer-metrics")
                        .factory()),
                METRICS_REFRESH);
        metrics.bindTo(registry);
        return consumer;
    }

    @Override
    public synchronized void destroy() {
        if (metrics != null) {
            metrics.close();
            metrics = null;
        }
    }

    /**
     * A consumer with no group, for partitions assigned by hand (the gap filler, a rebuild): nothing is committed,
     * so the live group's offsets are untouched. Read-committed and polled in batches like the live one.
     */
    public static Consumer<String, byte[]> withoutGroup(String bootstrapServers) {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        500),
                new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    private Consumer<String, byte[]> newConsumer() {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        properties.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        properties.groupId(),
                        // Offsets follow the views: committed by hand once records are applied.
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        // A new group rebuilds the views from the start of the topic, which keeps all history.
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        // Only events from committed producer transactions, should the publisher use them.
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        500),
                new StringDeserializer(),
                new ByteArrayDeserializer());
    }
}
