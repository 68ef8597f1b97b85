package app.rekindle.command.publishing;

import app.rekindle.command.config.RekindleKafkaProperties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The topic journal events go to. Kafka is the distribution log the query side can rebuild from, so a topic
 * created here keeps every record: no time- or size-based deletion.
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
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1", TopicConfig.RETENTION_BYTES_CONFIG, "-1"));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(topic)).all().get(kafka.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            log.info("Created topic {} with {} partitions", kafka.topic(), kafka.partitions());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create topic " + kafka.topic(), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + kafka.topic(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer while creating topic " + kafka.topic(), e);
        }
    }
}
