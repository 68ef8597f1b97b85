package app.rekindle.command.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how journal events are published.
 *
 * @param bootstrapServers the Kafka brokers ({@code REKINDLE_KAFKA_BOOTSTRAP_SERVERS})
 * @param topic            the journal event topic ({@code REKINDLE_KAFKA_TOPIC})
 * @param createTopic      create the topic at start-up when it is missing (kept forever, no retention limit)
 * @param partitions       partitions of a topic created here
 * @param lingerMs         how long the producer waits to fill a batch
 * @param sendTimeout      how long a publishing batch waits for the broker's acknowledgement before retrying
 */
@ConfigurationProperties("rekindle.kafka")
public record RekindleKafkaProperties(
        @DefaultValue("localhost:9092") String bootstrapServers,
        @DefaultValue("rekindle.journal-events") String topic,
        @DefaultValue("true") boolean createTopic,
        @DefaultValue("6") int partitions,
        @DefaultValue("5") int lingerMs,
        @DefaultValue("60s") Duration sendTimeout) {}
