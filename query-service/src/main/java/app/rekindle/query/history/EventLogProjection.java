package app.rekindle.query.history;

import app.rekindle.events.EventTypes;
import app.rekindle.events.JournalEventJson;
import app.rekindle.events.PublishedEvent;
import app.rekindle.query.projection.ViewProjection;
import app.rekindle.query.projection.ViewWrites;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Appends each event to the journal's log. The Projector calls this once per sequence number, inside the
 * transaction that also moves the journal's position, so the log never has holes or duplicates that the
 * other views do not have too.
 */
@Component
class EventLogProjection implements ViewProjection {

    private final JdbcClient jdbc;
    private final ViewWrites writes;

    EventLogProjection(JdbcClient jdbc, ViewWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @Override
    public void apply(PublishedEvent published) {
        writes.write(
                "journal_event",
                """
                        insert into journal_event (journal_id, sequence, event_id, type, schema_version, occurred_at,
                                                   recorded_at, payload)
                        values (:journal, :sequence, :eventId, :type, :version, :occurred, :recorded,
                                cast(:payload as json))""",
                new MapSqlParameterSource("journal", published.journalId())
                        .addValue("sequence", published.sequence())
                        .addValue("eventId", published.eventId())
                        .addValue("type", published.type().name())
                        // the version of the JSON written here, which is this build's: an upcast event is logged upcast
                        .addValue("version", EventTypes.of(published.event()).version())
                        .addValue("occurred", Timestamp.from(published.event().occurredAt()))
                        .addValue("recorded", Timestamp.from(published.event().recordedAt()))
                        .addValue(
                                "payload",
                                new String(JournalEventJson.toBytes(published.event()), StandardCharsets.UTF_8)));
    }

    /** Erasure: the log holds the person's own words, so it goes with the other views. */
    @Override
    public void purge(UUID journalId) {
        jdbc.sql("delete from journal_event where journal_id = :id")
                .param("id", journalId)
                .update();
    }
}
