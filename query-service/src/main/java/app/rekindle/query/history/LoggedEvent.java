package app.rekindle.query.history;

import app.rekindle.events.JournalEvent;
import app.rekindle.events.JournalEventJson;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One event of a journal as the query service received it. {@code type} and {@code schemaVersion} are the
 * stable names from the event contract, {@code event} the event's JSON exactly as stored.
 */
public record LoggedEvent(
        long sequence,
        String eventId,
        String type,
        int schemaVersion,
        Instant occurredAt,
        Instant recordedAt,
        @JsonRawValue String event) {

    /** The event as the contract's record, for folding it into a view; rows logged at an older version are upcast. */
    public JournalEvent decode() {
        return JournalEventJson.fromBytes(type, schemaVersion, event.getBytes(StandardCharsets.UTF_8));
    }
}
