package app.rekindle.command.publishing;

import app.rekindle.command.config.RekindleKafkaProperties;
import app.rekindle.command.observability.TracePropagation;
import app.rekindle.events.CloudEventsKafka;
import app.rekindle.events.JournalEvent;
import app.rekindle.events.PublishedEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;

/**
 * Puts every journal event on Kafka, from a tracking processor over the event store. Sends of one batch run
 * concurrently; before the batch's token may be stored (prepare-commit of its unit of work) they are all awaited.
 * A failed send fails the batch, the token stays, and the batch is sent again: at least once, in order per
 * journal (one journal = one segment = one partition key). Never replayed: a reset must not republish history.
 */
@Component
@ProcessingGroup(KafkaPublisher.PROCESSING_GROUP)
@DisallowReplay
class KafkaPublisher {

    static final String PROCESSING_GROUP = "kafka-publisher";
    static final String TRACEPARENT = "ce_traceparent";

    private final Producer<String, byte[]> producer;
    private final PublishedTopic topic;
    private final RekindleKafkaProperties kafka;
    private final Counter published;
    private final Serializer eventSerializer;

    KafkaPublisher(Producer<String, byte[]> producer, PublishedTopic topic, RekindleKafkaProperties kafka,
                   MeterRegistry registry, @Qualifier("eventSerializer") Serializer eventSerializer) {
        this.producer = producer;
        this.eventSerializer = eventSerializer;
        this.topic = topic;
        this.kafka = kafka;
        this.published = Counter.builder("rekindle.events.published")
                .description("Journal events acknowledged by Kafka and passed by the publisher's token")
                .register(registry);
    }

    @EventHandler
    void on(JournalEvent event, EventMessage<?> message, @SequenceNumber Long sequence) {
        PublishedEvent published = PublishedEvent.of(message.getIdentifier(), sequence, event);
        // The stored bytes as they are: free text stays sealed, and is not sealed afresh under another nonce.
        byte[] payload = message.serializePayload(eventSerializer, byte[].class).getData();
        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord(topic.name(), published, payload);
        if (message.getMetaData().get(TracePropagation.METADATA_KEY) instanceof String traceId) {
            // CloudEvents' distributed-tracing extension, in the binary mode's ce_ header form.
            record.headers().add(TRACEPARENT, TracePropagation.traceparent(traceId).getBytes(StandardCharsets.UTF_8));
        }
        pendingSends().add(producer.send(record));
    }

    private PendingSends pendingSends() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PendingSends.class.getName(), key -> {
            PendingSends sends = new PendingSends(producer, kafka.sendTimeout());
            batch.onPrepareCommit(unitOfWork -> sends.awaitAll());
            // Counted once the token moved past them: a retried batch is counted when it finally succeeds.
            batch.afterCommit(unitOfWork -> published.increment(sends.size()));
            return sends;
        });
    }
}
