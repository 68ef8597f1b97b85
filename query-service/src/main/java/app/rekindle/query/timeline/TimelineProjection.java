package app.rekindle.query.timeline;

import app.rekindle.events.EntryKind;
import app.rekindle.events.JournalEvent.DateCancelled;
import app.rekindle.events.JournalEvent.DateHappened;
import app.rekindle.events.JournalEvent.EntryAmended;
import app.rekindle.events.JournalEvent.EntryLogged;
import app.rekindle.events.JournalEvent.EntryRetracted;
import app.rekindle.events.PublishedEvent;
import app.rekindle.query.projection.EntryMoment;
import app.rekindle.query.projection.ViewProjection;
import app.rekindle.query.projection.ViewWrites;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One row per entry holding its current values, plus one revision row per change so the amendment
 * history is never overwritten (revision 1 is the entry as logged).
 */
@Component
class TimelineProjection implements ViewProjection {

    private record Current(EntryKind kind, Map<String, Object> fields, int revision) {
    }

    private static final String ENTRIES = "timeline_entry";
    private static final String REVISIONS = "timeline_entry_revision";

    private final JdbcClient jdbc;
    private final ViewWrites writes;

    TimelineProjection(JdbcClient jdbc, ViewWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @Override
    public void apply(PublishedEvent published) {
        switch (published.event()) {
            case EntryLogged logged -> logged(logged, published.sequence());
            case EntryAmended amended -> revise(published, amended.entryId(), amended.changes(), amended.reason());
            case DateHappened happened -> revise(published, happened.entryId(),
                    changes("status", "HAPPENED", "rating", happened.rating(), "memory", happened.memory()), null);
            case DateCancelled cancelled -> revise(published, cancelled.entryId(),
                    changes("status", "CANCELLED", "cancelReason", cancelled.reason()), null);
            case EntryRetracted retracted -> retract(retracted);
            default -> {
            }
        }
    }

    private void logged(EntryLogged logged, long sequence) {
        Map<String, Object> fields = EntryFields.of(logged);
        String json = EntryFields.toJson(fields);
        writes.write(ENTRIES, """
                        insert into timeline_entry (entry_id, journal_id, kind, step, occurred_at, recorded_at, fields,
                                                    revision, search_text)
                        values (:entry, :journal, :kind, :step, :at, :recorded, cast(:fields as jsonb), 1, :search)""",
                new MapSqlParameterSource("entry", logged.entryId()).addValue("journal", logged.journalId())
                        .addValue("kind", logged.kind().name())
                        .addValue("step", logged.kind().step().map(step -> step.slug()).orElse(null), Types.VARCHAR)
                        .addValue("at", Timestamp.from(EntryMoment.of(logged)))
                        .addValue("recorded", Timestamp.from(logged.recordedAt()))
                        .addValue("fields", json).addValue("search", EntryFields.searchText(fields)));
        insertRevision(logged.entryId(), 1, sequence, logged.recordedAt(), json, "{}", null);
    }

    private void revise(PublishedEvent published, UUID entryId, Map<String, Object> changes, String reason) {
        writes.flush(); // the entry may have been logged earlier in this batch
        Current current = jdbc.sql("""
                        select kind, fields::text, revision from timeline_entry
                        where entry_id = :entry and journal_id = :journal for update""")
                .param("entry", entryId).param("journal", published.journalId())
                .query((rs, n) -> new Current(EntryKind.valueOf(rs.getString(1)), EntryFields.fromJson(rs.getString(2)),
                        rs.getInt(3)))
                .optional()
                // The command side only refers to entries it logged, so this means an event went missing.
                .orElseThrow(() -> new IllegalStateException("entry unknown to the timeline"));
        Map<String, Object> fields = new LinkedHashMap<>(current.fields());
        fields.putAll(changes);
        String json = EntryFields.toJson(fields);
        int revision = current.revision() + 1;
        Timestamp moment = EntryMoment.amendedIn(current.kind(), changes).map(Timestamp::from).orElse(null);
        writes.write(ENTRIES, """
                        update timeline_entry set fields = cast(:fields as jsonb), revision = :revision,
                               search_text = :search, occurred_at = coalesce(cast(:at as timestamptz), occurred_at)
                        where entry_id = :entry""",
                new MapSqlParameterSource("fields", json).addValue("revision", revision)
                        .addValue("search", EntryFields.searchText(fields)).addValue("at", moment, Types.TIMESTAMP)
                        .addValue("entry", entryId));
        insertRevision(entryId, revision, published.sequence(), published.event().recordedAt(), json,
                EntryFields.toJson(changes), reason);
    }

    private void retract(EntryRetracted retracted) {
        writes.write(ENTRIES, """
                        update timeline_entry set retracted = true, retracted_at = :at, retraction_reason = :reason
                        where entry_id = :entry and journal_id = :journal""",
                new MapSqlParameterSource("at", Timestamp.from(retracted.occurredAt()))
                        .addValue("reason", retracted.reason(), Types.VARCHAR).addValue("entry", retracted.entryId())
                        .addValue("journal", retracted.journalId()));
    }

    private void insertRevision(UUID entryId, int revision, long sequence, Instant recordedAt,
                                String fields, String changes, String reason) {
        // Queued after the entry's own write (the revision's foreign key needs the entry row first).
        writes.write(REVISIONS, """
                        insert into timeline_entry_revision (entry_id, revision, sequence, recorded_at, fields, changes,
                                                             reason)
                        values (:entry, :revision, :sequence, :recorded, cast(:fields as jsonb),
                                cast(:changes as jsonb), :reason)""",
                new MapSqlParameterSource("entry", entryId).addValue("revision", revision)
                        .addValue("sequence", sequence).addValue("recorded", Timestamp.from(recordedAt))
                        .addValue("fields", fields).addValue("changes", changes)
                        // Typed, so a null is sent as such instead of asking the driver for the type each time.
                        .addValue("reason", reason, Types.VARCHAR));
    }

    private static Map<String, Object> changes(Object... keysAndValues) {
        Map<String, Object> changes = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            changes.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return changes;
    }

    @Override
    public void purge(UUID journalId) {
        jdbc.sql("delete from timeline_entry where journal_id = :id").param("id", journalId).update();
    }
}
