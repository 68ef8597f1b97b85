package app.rekindle.command.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * Events stored but not yet on Kafka: those whose global index is past the publisher's token position (the
 * lowest over its segments). Read from the database, so every instance reports the same
 * stack-wide value whichever of them holds the token (aggregate with max, not sum).
 */
@Component
class PublisherLag {

    static final String PROCESSOR = "kafka-publisher";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PublisherLag(JdbcClient jdbc, JsonMapper json, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.json = json;
        Gauge.builder("rekindle.publisher.lag", this, PublisherLag::events).baseUnit("events")
                .description("Events in the event store that the publisher has not put on Kafka yet")
                .register(registry);
    }

    double events() {
        try {
            // A count rather than a difference of indexes: the sequence behind global_index may leave gaps.
            return jdbc.sql("select count(*) from domain_event_entry where global_index > :position")
                    .param("position", position()).query(Long.class).single();
        } catch (DataAccessException unavailable) {
            return Double.NaN;
        }
    }

    /** Tokens are stored as JSON (see SerializationConfig); -1 when the publisher has not stored one yet. */
    private long position() {
        List<byte[]> tokens = jdbc.sql("select token from token_entry where processor_name = :name")
                .param("name", PROCESSOR).query((rs, row) -> rs.getBytes(1)).list();
        return tokens.stream()
                .mapToLong(token -> token == null ? -1 : json.readTree(token).findValues("index").stream()
                        .mapToLong(JsonNode::asLong).min().orElse(-1))
                .min().orElse(-1);
    }
}
