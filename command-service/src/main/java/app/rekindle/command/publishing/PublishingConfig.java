package app.rekindle.command.publishing;

import app.rekindle.command.config.RekindleKafkaProperties;
import app.rekindle.events.rules.EventSize;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.Map;

@Configuration(proxyBeanMethods = false)
class PublishingConfig {

    /**
     * Idempotent with acks=all: a retried send neither duplicates nor reorders a journal's events. Its request limit
     * is the topic's ({@link EventSize#KAFKA_LIMIT_BYTES}), so a record too large for the topic is refused by the
     * producer itself, before anything is sent, rather than by the broker later.
     */
    @Bean(destroyMethod = "")
    Producer<String, byte[]> journalEventProducer(RekindleKafkaProperties kafka) {
        long timeoutMs = kafka.sendTimeout().toMillis();
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.CLIENT_ID_CONFIG, "rekindle-command-publisher",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, kafka.lingerMs(),
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, EventSize.KAFKA_LIMIT_BYTES,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeoutMs,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(1, (timeoutMs - kafka.lingerMs()) / 2),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    /** Bounded, so that shutting down with the broker already gone does not hang. */
    @Bean
    DisposableBean journalEventProducerCloser(Producer<String, byte[]> journalEventProducer) {
        return () -> journalEventProducer.close(Duration.ofSeconds(5));
    }

    /** The producer's own metrics (kafka_producer_*: send rate, errors, request latency) on /actuator/prometheus. */
    @Bean(destroyMethod = "close")
    KafkaClientMetrics journalEventProducerMetrics(Producer<String, byte[]> journalEventProducer,
                                                   MeterRegistry registry) {
        KafkaClientMetrics metrics = new KafkaClientMetrics(journalEventProducer);
        metrics.bindTo(registry);
        return metrics;
    }

    @Bean
    PublishedTopic publishedTopic(RekindleKafkaProperties kafka) {
        return PublishedTopic.ensure(kafka);
    }

    /**
     * Axon's default logs a failing event handler and moves on, which would lose the event for Kafka. Propagating
     * the error rolls the batch back, so the token stays and the processor retries with back-off.
     */
    @Bean
    ConfigurerModule publisherErrorHandling() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                KafkaPublisher.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
