package app.rekindle.query.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the journal events come from.
 *
 * @param bootstrapServers Kafka brokers ({@code REKINDLE_KAFKA_BOOTSTRAP_SERVERS})
 * @param topic            the journal event topic ({@code REKINDLE_KAFKA_TOPIC})
 * @param groupId          consumer group shared by all query-service instances
 * @param consumerEnabled  false runs the HTTP side only (e.g. a read replica of the views)
 * @param pollTimeout      how long one poll blocks when there is nothing to read
 */
@ConfigurationProperties("rekindle.kafka")
public record RekindleKafkaProperties(
        @DefaultValue("localhost:9092") String bootstrapServers,
        @DefaultValue("rekindle.journal-events") String topic,
        @DefaultValue("rekindle-query") String groupId,
        @DefaultValue("true") boolean consumerEnabled,
        @DefaultValue("500ms") Duration pollTimeout) {}
