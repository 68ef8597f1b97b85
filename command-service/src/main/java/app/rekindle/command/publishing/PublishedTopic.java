package app.rekindle.command.publishing;

import app.rekindle.command.config.RekindleKafkaProperties;
import app.rekindle.events.rules.EventSize;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The topic journal events go to. Kafka is the distribution log the query side can rebuild from, so a topic
 * created here keeps every record: no time- or size-based deletion. Its record limit ({@code max.message.bytes})
 * is {@link EventSize#KAFKA_LIMIT_BYTES}, a margin above the largest event the store takes, whatever the broker's
 * default; a topic that exists already with a smaller limit is reported at start.
 */
record PublishedTopic(String name) {

    private static final Logger log = LoggerFactory.getLogger(PublishedTopic.class);

    static PublishedTopic ensure(RekindleKafkaProperties kafka) {
        if (kafka.createTopic()) {
            create(kafka);
        }
        return new PublishedTopic(kafka.topic());
    }

    private static void create(RekindleKafkaProperties kafka) {
        NewTopic topic = new NewTopic(kafka.topic(), Optional.of(kafka.partitions()), Optional.empty())
                .configs(Map.of(
                        TopicConfig.RETENTION_MS_CONFIG,
                        "-1",
                        TopicConfig.RETENTION_BYTES_CONFIG,
                        "-1",
                        TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                        Integer.toString(EventSize.KAFKA_LIMIT_BYTES)));
        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
        try (admin) {
            admin.createTopics(List.of(topic)).all().get(kafka.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            log.info("Created topic {} with {} partitions", kafka.topic(), kafka.partitions());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create topic " + kafka.topic(), e.getCause());
            }
            warnIfTooSmall(admin, kafka);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + kafka.topic(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer while creating topic " + kafka.topic(), e);
        }
    }

    /** The service starts anyway: events up to the topic's limit flow, larger ones are parked for an operator. */
    private static void warnIfTooSmall(Admin admin, RekindleKafkaProperties kafka) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, kafka.topic());
        try {
            ConfigEntry limit = admin.describeConfigs(List.of(resource))
                    .all()
                    .get(kafka.sendTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .get(resource)
                    .get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
            if (limit != null && limit.value() != null && Long.parseLong(limit.value()) < EventSize.MAX_BYTES) {
                log.warn(
                        "Topic {} takes records of at most {} bytes (max.message.bytes), less than the largest "
                                + "journal event ({} bytes): such events will be parked. Raise it to {}.",
                        kafka.topic(),
                        limit.value(),
                        EventSize.MAX_BYTES,
                        EventSize.KAFKA_LIMIT_BYTES);
            }
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            log.warn(
                    "Could not read the record limit of topic {} ({})",
                    kafka.topic(),
                    e.getClass().getName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
