package app.rekindle.command.observability;

import app.rekindle.command.eventstore.StoredEvents;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events stored but not yet on Kafka: those whose global index is past the publisher's token position (the
 * lowest over its segments). Read from the database, so every instance reports the same
 * stack-wide value whichever of them holds the token (aggregate with max, not sum).
 */
@Component
class PublisherLag {

    static final String PROCESSOR = "kafka-publisher";

    private final StoredEvents store;
    private final JsonMapper json;

    PublisherLag(StoredEvents store, JsonMapper json, MeterRegistry registry) {
        this.store = store;
        this.json = json;
        Gauge.builder("rekindle.publisher.lag", this, PublisherLag::events)
                .baseUnit("events")
                .description("Events in the event store that the publisher has not put on Kafka yet")
                .register(registry);
    }

    double events() {
        try {
            return store.countAfter(position());
        } catch (DataAccessException unavailable) {
            return Double.NaN;
        }
    }

    /** Tokens are stored as JSON (see SerializationConfig); -1 when the publisher has not stored one yet. */
    private long position() {
        return store.tokensOf(PROCESSOR).stream()
                .mapToLong(token -> token == null
                        ? -1
                        : json.readTree(token).findValues("index").stream()
                                .mapToLong(JsonNode::asLong)
                                .min()
                                .orElse(-1))
                .min()
                .orElse(-1);
    }
}
