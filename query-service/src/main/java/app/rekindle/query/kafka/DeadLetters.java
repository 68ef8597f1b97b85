package app.rekindle.query.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

/**
 * Records that could not be read or applied, kept for an operator instead of stopping the loop. Only
 * coordinates are stored and logged, never the payload: it may hold a person's own words.
 */
@Repository
class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MeterRegistry registry;

    DeadLetters(JdbcClient jdbc, Clock clock, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.registry = registry;
    }

    /**
     * @param journalId null when the record does not say which journal
     * @param sequence  null when the record does not say
     * @param reason    a short machine-readable reason (exception class), never message text
     */
    void store(ConsumerRecord<String, byte[]> record, UUID journalId, Long sequence, String reason) {
        String type = header(record, "ce_type");
        log.error("Dead-lettered record {}-{}@{} journal={} sequence={} type={} reason={}", record.topic(),
                record.partition(), record.offset(), journalId, sequence, type, reason);
        Counter.builder("rekindle.consumer.dead-letters").description("Records that could not be read or applied")
                .tag("reason", reason).register(registry).increment();
        jdbc.sql("""
                        insert into dead_letter (topic, partition, "offset", journal_id, sequence, type, reason, received_at)
                        values (:topic, :partition, :offset, :journal, :sequence, :type, :reason, :at)""")
                .param("topic", record.topic()).param("partition", record.partition()).param("offset", record.offset())
                .param("journal", journalId).param("sequence", sequence).param("type", type).param("reason", reason)
                .param("at", Timestamp.from(clock.instant())).update();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            return null;
        }
        String value = new String(header.value(), StandardCharsets.UTF_8);
        // A type name is short; anything else is not worth keeping and might not be a type at all.
        return value.length() > 120 ? value.substring(0, 120) : value;
    }
}
