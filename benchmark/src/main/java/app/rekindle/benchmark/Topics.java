package app.rekindle.benchmark;

import app.rekindle.events.CloudEventsKafka;
import app.rekindle.events.JournalEvent;
import app.rekindle.events.PublishedEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Kafka clients configured like the services' own, and the synthetic journals the baselines send. */
public final class Topics {

    private Topics() {}

    /** The command service's publisher settings (PublishingConfig): idempotent, acks=all, linger 5 ms. */
    public static KafkaProducer<String, byte[]> producer(String bootstrapServers) {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.LINGER_MS_CONFIG,
                        5),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    /**
     * For filling a topic with a data set, not for measuring: plain acks=1 with one request in flight, so records
     * stay in order without the idempotent producer's sequence bookkeeping, which a broker starved of CPU right
     * after creating the topic has been seen to wedge (OutOfOrderSequenceException on every retry).
     */
    public static KafkaProducer<String, byte[]> loader(String bootstrapServers) {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        false,
                        ProducerConfig.ACKS_CONFIG,
                        "1",
                        ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
                        1,
                        ProducerConfig.LINGER_MS_CONFIG,
                        20,
                        ProducerConfig.BATCH_SIZE_CONFIG,
                        256 * 1024),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    public static KafkaConsumer<String, byte[]> consumer(String bootstrapServers, String groupId) {
        Map<String, Object> config = new java.util.HashMap<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"));
        if (groupId != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        }
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    public static void create(String bootstrapServers, String topic, int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
                    .all()
                    .get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create topic " + topic, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Records on the topic: the sum of its partitions' end offsets. */
    public static long endOffsetSum(KafkaConsumer<String, byte[]> consumer, String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        return consumer.endOffsets(partitions).values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    /** What {@code groupId} has committed on {@code topic}: the sum of its partitions' committed offsets. */
    public static long committedSum(Admin admin, String groupId, String topic)
            throws ExecutionException, InterruptedException {
        return admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get().entrySet().stream()
                .filter(offset -> offset.getKey().topic().equals(topic) && offset.getValue() != null)
                .mapToLong(offset -> offset.getValue().offset())
                .sum();
    }

    /**
     * Journals as the command service would publish them: each opened (sequence 0), then check-ins, in order.
     * Calls {@code sink} with each record, journal after journal.
     */
    public static void journals(
            String topic, int events, int eventsPerJournal, Consumer<ProducerRecord<String, byte[]>> sink) {
        Instant now = Instant.now();
        int sent = 0;
        while (sent < events) {
            UUID journal = UUID.randomUUID();
            for (int sequence = 0; sequence < eventsPerJournal && sent < events; sequence++, sent++) {
                JournalEvent event = sequence == 0 ? opened(journal, now) : checkIn(journal, now);
                sink.accept(CloudEventsKafka.toRecord(
                        topic, PublishedEvent.of(UUID.randomUUID().toString(), sequence, event)));
            }
        }
    }

    /** The benchmark's person opening {@code journal} at {@code at}. */
    public static JournalEvent opened(UUID journal, Instant at) {
        return new JournalEvent.JournalOpened(
                journal, Testbed.SUBJECT, "Sam", "Find our way back", "Europe/Berlin", at, at);
    }

    public static JournalEvent checkIn(UUID journal, Instant now) {
        return new JournalEvent.CheckedIn(
                journal,
                UUID.randomUUID(),
                4,
                3,
                "Walked by the river after dinner and talked about the summer",
                now,
                now);
    }
}
