package app.rekindle.command.parking;

import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * How an operator's retry sends a parked event again. Publishing implements it, as it alone knows how a stored
 * journal event becomes a Kafka record; parking depends on this interface, not on publishing.
 */
public interface ParkedEventSender {

    /** Sends the stored event and waits for Kafka's answer: empty once acknowledged, else why not. */
    Optional<Failure> send(DomainEventMessage<?> message, long sequence);

    /** @param refused Kafka refused this record for good (too large, invalid), as opposed to a timeout or outage */
    record Failure(Throwable cause, boolean refused) {}
}
