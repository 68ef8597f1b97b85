package app.rekindle.query.kafka;

import app.rekindle.query.projection.HeldEvents;
import app.rekindle.query.projection.RecordCopy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Repository;

/**
 * Records that could not be read, kept for an operator instead of stopping the loop. Only coordinates are
 * logged, never the payload: it may hold a person's own words.
 */
@Repository
class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final HeldEvents held;
    private final Clock clock;
    private final MeterRegistry registry;

    DeadLetters(HeldEvents held, Clock clock, MeterRegistry registry) {
        this.held = held;
        this.clock = clock;
        this.registry = registry;
    }

    /**
     * @param journalId null when the record does not say which journal
     * @param sequence  null when the record does not say
     * @param reason    a short machine-readable reason (exception class), never message text
     */
    void store(ConsumerRecord<String, byte[]> record, UUID journalId, Long sequence, String reason) {
        RecordCopy copy = RecordCopy.of(record);
        log.error(
                "Dead-lettered record {}-{}@{} journal={} sequence={} type={} reason={}",
                record.topic(),
                record.partition(),
                record.offset(),
                journalId,
                sequence,
                copy.type(),
                reason);
        Counter.builder("rekindle.consumer.dead-letters")
                .description("Records that could not be read or applied")
                .tag("reason", reason)
                .register(registry)
                .increment();
        // Kept whole, so an operator can retry it once this build can read it (e.g. after an upgrade).
        held.insert(copy, journalId, sequence, HeldEvents.Status.PARKED, reason, clock.instant());
    }
}
