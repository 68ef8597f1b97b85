package app.rekindle.query;

import app.rekindle.embedded.SharedTestInfrastructure;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** A producer to the shared test broker, writing records as the command service's publisher does (acks=all). */
public final class TestProducer {

    private TestProducer() {}

    public static KafkaProducer<String, byte[]> toSharedBroker() {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        SharedTestInfrastructure.get().kafka().bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new StringSerializer(),
                new ByteArraySerializer());
    }
}
