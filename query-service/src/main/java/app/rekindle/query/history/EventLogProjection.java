package app.rekindle.query.history;

import app.rekindle.events.EventTypes;
import app.rekindle.events.JournalEventJson;
import app.rekindle.events.PublishedEvent;
import app.rekindle.query.projection.ViewProjection;
import app.rekindle.query.projection.ViewWrites;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Appends each event to the journal's log. The Projector calls this once per sequence number, in order, inside
 * the transaction that also moves the journal's position, so the log never has holes or duplicates that the
 * other views do not have too. Each row also keeps its recorded floor (the earliest recorded_at from it onwards,
 * see V9_1), which an event recorded earlier than the ones before it lowers.
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
                                                   recorded_at, recorded_floor, payload)
                        values (:journal, :sequence, :eventId, :type, :version, :occurred, :recorded, :recorded,
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
        // An event recorded before earlier ones (a clock set back) lowers their floors; queued as its own table so
        // it runs after the batch's inserts. Once an event's lowering has run, no floor up to it is after its
        // recorded_at, so the journal's next event lowers nothing unless recorded earlier: in a batch only each
        // journal's first event and those set back queue one (every event did, each walking the index over the
        // batch's later rows of its journal).
        Instant recorded = published.event().recordedAt();
        PublishedEvent previous =
                writes.batchMemory(LastEvents.class, LastEvents::new).byJournal.put(published.journalId(), published);
        if (previous != null
                && previous.sequence() == published.sequence() - 1
                && !recorded.isBefore(previous.event().recordedAt())) {
            return;
        }
        writes.write(
                "journal_event_floor",
                """
                        update journal_event set recorded_floor = :recorded
                        where journal_id = :journal and recorded_floor > :recorded and sequence < :sequence""",
                new MapSqlParameterSource("journal", published.journalId())
                        .addValue("sequence", published.sequence())
                        .addValue("recorded", Timestamp.from(recorded)));
    }

    /** Each journal's last event logged in the batch. */
    private static final class LastEvents {
        final Map<UUID, PublishedEvent> byJournal = new HashMap<>();
    }

    /** Erasure: the log holds the person's own words, so it goes with the other views. */
    @Override
    public void purge(UUID journalId) {
        jdbc.sql("delete from journal_event where journal_id = :id")
                .param("id", journalId)
                .update();
    }
}
