package app.rekindle.command.publishing;

import app.rekindle.command.config.RekindleKafkaProperties;
import app.rekindle.events.rules.EventSize;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ProducerConfig.CLIENT_ID_CONFIG,
                "rekindle-command-publisher",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                kafka.lingerMs(),
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                EventSize.KAFKA_LIMIT_BYTES,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                (int) timeoutMs,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                (int) Math.max(1, (timeoutMs - kafka.lingerMs()) / 2),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class));
    }

    /** Bounded, so that shutting down with the broker already gone does not hang. */
    @Bean
    DisposableBean journalEventProducerCloser(Producer<String, byte[]> journalEventProducer) {
        return () -> journalEventProducer.close(Duration.ofSeconds(5));
    }

    /** The producer's own metrics (kafka_producer_*: send rate, errors, request latency) on /actuator/prometheus. */
    @Bean(destroyMethod = "close")
    KafkaClientMetrics journalEventProducerMetrics(
            Producer<String, byte[]> journalEventProducer, MeterRegistry registry) {
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
        return configurer -> configurer
                .eventProcessing()
                .registerListenerInvocationErrorHandler(
                        KafkaPublisher.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }

    /**
     * The publisher's tracking processor, registered here rather than by Axon Boot: Boot has no setting for the
     * initial token, and Axon's default is a replay of the head of the event store. A publisher starting without a
     * token while events are already stored (a wiped token table; a first start behind commands quicker than its
     * worker) would then skip every stored event, since it is never replayed ({@code @DisallowReplay}), and store a
     * replay token whose context the event store's serializer cannot read back, which stops the processor at its
     * next claim. From the tail instead, every stored event is published (at least once: the views de-duplicate).
     */
    @Bean
    ConfigurerModule publisherProcessor(
            PublisherProcessorProperties processor, @Value("${rekindle.publisher.batch-size}") int batchSize) {
        return configurer -> configurer
                .eventProcessing()
                .registerTrackingEventProcessor(
                        KafkaPublisher.PROCESSING_GROUP,
                        configuration -> configuration.eventStore(),
                        configuration -> TrackingEventProcessorConfiguration.forParallelProcessing(
                                        processor.threadCount())
                                .andInitialSegmentsCount(processor.initialSegmentCount())
                                .andBatchSize(batchSize)
                                .andInitialTrackingToken(StreamableMessageSource::createTailToken));
    }

    /**
     * Axon Boot registers every processor found under {@code axon.eventhandling.processors} itself, with the default
     * initial token; a second registration of the publisher would fail the start. Its entry, there when an operator
     * sets its documented thread or segment count, is taken out of Boot's map once bound: those settings reach
     * {@link #publisherProcessor} through {@link PublisherProcessorProperties}.
     */
    @Bean
    static BeanPostProcessor publisherLeftToPublishingConfig() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof EventProcessorProperties processors) {
                    processors.getProcessors().remove(KafkaPublisher.PROCESSING_GROUP);
                }
                return bean;
            }
        };
    }
}
