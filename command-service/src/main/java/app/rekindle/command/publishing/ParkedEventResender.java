package app.rekindle.command.publishing;

import app.rekindle.command.config.RekindleKafkaProperties;
import app.rekindle.command.parking.ParkedEventSender;
import app.rekindle.events.EventEnvelope;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Component;

/** Sends one parked event, built into its record as the publisher builds every other, and waits for Kafka. */
@Component
class ParkedEventResender implements ParkedEventSender {

    private final JournalRecords records;
    private final Producer<String, byte[]> producer;
    private final RekindleKafkaProperties kafka;

    ParkedEventResender(JournalRecords records, Producer<String, byte[]> producer, RekindleKafkaProperties kafka) {
        this.records = records;
        this.producer = producer;
        this.kafka = kafka;
    }

    @Override
    public Optional<Failure> send(DomainEventMessage<?> message, long sequence) {
        EventEnvelope event = JournalRecords.envelope(message, sequence);
        try {
            producer.send(records.of(event, message)).get(kafka.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.of(new Failure(e.getCause(), Refusals.refusesTheRecord(e.getCause())));
        } catch (TimeoutException e) {
            return Optional.of(new Failure(e, false));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(new Failure(e, false));
        }
    }
}
