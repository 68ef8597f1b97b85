package app.rekindle.query.kafka;

import app.rekindle.query.config.RekindleKafkaProperties;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.stereotype.Component;

import java.util.Map;

/** The consumer settings the projection relies on, in one place. */
@Component
class KafkaConsumers {

    private final RekindleKafkaProperties properties;

    KafkaConsumers(RekindleKafkaProperties properties) {
        this.properties = properties;
    }

    Consumer<String, byte[]> create() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, properties.groupId(),
                // Offsets follow the views: committed by hand once records are applied.
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // A new group rebuilds the views from the start of the topic, which keeps all history.
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                // Only events from committed producer transactions, should the publisher use them.
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200),
                new StringDeserializer(), new ByteArrayDeserializer());
    }
}
