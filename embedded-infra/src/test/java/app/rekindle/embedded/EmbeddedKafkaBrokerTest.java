package app.rekindle.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerTest {

    @Test
    void created_topic_keeps_its_history_forever() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(null, 0);
                Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            broker.createTopic("journal-events", 6);
            broker.createTopic("journal-events", 6);

            TopicDescription topic = admin.describeTopics(Set.of("journal-events"))
                    .allTopicNames()
                    .get()
                    .get("journal-events");
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "journal-events");
            Config config = admin.describeConfigs(Set.of(resource)).all().get().get(resource);

            assertThat(topic.partitions()).hasSize(6);
            assertThat(config.get("retention.ms").value()).isEqualTo("-1");
            assertThat(config.get("retention.bytes").value()).isEqualTo("-1");
            assertThat(config.get("cleanup.policy").value()).isEqualTo("delete");
        }
    }

    @Test
    void broker_accepts_and_returns_a_record() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(null, 0)) {
            broker.createTopic("greetings", 1);
            produce(broker, "greetings", "journal-1", "hello");

            assertThat(consumeAll(broker, "greetings", 1)).containsExactly("journal-1=hello");
        }
    }

    @Test
    void records_survive_a_restart_with_the_same_log_directory(@TempDir Path logDir) throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(logDir, 0)) {
            broker.createTopic("greetings", 1);
            produce(broker, "greetings", "journal-1", "before restart");
        }

        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(logDir, 0)) {
            produce(broker, "greetings", "journal-1", "after restart");

            assertThat(consumeAll(broker, "greetings", 2))
                    .containsExactly("journal-1=before restart", "journal-1=after restart");
        }
    }

    @Test
    void a_broker_started_again_on_its_port_serves_the_same_address_and_records(@TempDir Path logDir) throws Exception {
        int port;
        String address;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(logDir, 0)) {
            broker.createTopic("greetings", 1);
            produce(broker, "greetings", "journal-1", "before the outage");
            port = broker.port();
            address = broker.bootstrapServers();
        }

        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(logDir, port)) {
            assertThat(broker.bootstrapServers()).isEqualTo(address);
            produce(broker, "greetings", "journal-1", "after the outage");

            assertThat(consumeAll(broker, "greetings", 2))
                    .containsExactly("journal-1=before the outage", "journal-1=after the outage");
        }
    }

    private static void produce(EmbeddedKafkaBroker broker, String topic, String key, String value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    private static List<String> consumeAll(EmbeddedKafkaBroker broker, String topic, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class);
        List<String> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    received.add(record.key() + "=" + record.value());
                }
                return received.size() >= expected;
            });
        }
        return received;
    }
}
