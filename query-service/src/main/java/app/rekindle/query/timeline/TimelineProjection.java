package app.rekindle.query.timeline;

import app.rekindle.events.EntryKind;
import app.rekindle.events.JournalEvent.DateCancelled;
import app.rekindle.events.JournalEvent.DateHappened;
import app.rekindle.events.JournalEvent.EntryAmended;
import app.rekindle.events.JournalEvent.EntryLogged;
import app.rekindle.events.JournalEvent.EntryRetracted;
import app.rekindle.events.JournalEvent.JournalClosed;
import app.rekindle.events.JournalEvent.JournalErased;
import app.rekindle.events.JournalEvent.JournalOpened;
import app.rekindle.events.JournalEvent.StepCompleted;
import app.rekindle.events.JournalEvent.StepReopened;
import app.rekindle.events.JournalEvent.StepStarted;
import app.rekindle.events.PublishedEvent;
import app.rekindle.events.Step;
import app.rekindle.query.projection.EntryMoment;
import app.rekindle.query.projection.ViewProjection;
import app.rekindle.query.projection.ViewWrites;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One row per entry holding its current values; one revision row per change of its values, so the amendment
 * history is never overwritten (revision 1 is the entry as logged); and one version row per state the entry
 * has held, with the sequences it held for, which {@code timeline?asOf} reads. Each new state is computed once,
 * here, and written to the live row and as a version alike.
 */
@Component
class TimelineProjection implements ViewProjection {

    private static final String ENTRIES = "timeline_entry";
    private static final String REVISIONS = "timeline_entry_revision";
    private static final String VERSIONS = "timeline_entry_version";

    private final JdbcClient jdbc;
    private final ViewWrites writes;
    private final List<EntryChanges> followers;

    TimelineProjection(JdbcClient jdbc, ViewWrites writes, List<EntryChanges> followers) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.followers = followers;
    }

    @Override
    public void apply(PublishedEvent published) {
        long sequence = published.sequence();
        switch (published.event()) {
            case EntryLogged logged -> logged(logged, sequence);
            case EntryAmended amended -> revise(published, amended.entryId(), amended.changes(), amended.reason());
            case DateHappened happened ->
                revise(
                        published,
                        happened.entryId(),
                        changes("status", "HAPPENED", "rating", happened.rating(), "memory", happened.memory()),
                        null);
            case DateCancelled cancelled ->
                revise(
                        published,
                        cancelled.entryId(),
                        changes("status", "CANCELLED", "cancelReason", cancelled.reason()),
                        null);
            case EntryRetracted retracted -> {
                TimelineEntry entry = current(retracted.journalId(), retracted.entryId());
                replace(
                        retracted.journalId(),
                        sequence,
                        entry,
                        new TimelineEntry(
                                entry.entryId(),
                                entry.kind(),
                                entry.step(),
                                entry.occurredAt(),
                                entry.recordedAt(),
                                entry.fields(),
                                entry.revision(),
                                true,
                                stored(retracted.occurredAt()),
                                retracted.reason()));
            }
            // Events of the journal and its steps do not change an entry.
            case JournalOpened opened -> {}
            case StepStarted started -> {}
            case StepCompleted completed -> {}
            case StepReopened reopened -> {}
            case JournalClosed closed -> {}
            case JournalErased erased -> {}
        }
    }

    private void logged(EntryLogged logged, long sequence) {
        TimelineEntry entry = new TimelineEntry(
                logged.entryId(),
                logged.kind().name(),
                logged.kind().step().map(Step::slug).orElse(null),
                stored(EntryMoment.of(logged)),
                stored(logged.recordedAt()),
                EntryFields.of(logged),
                1,
                false,
                null,
                null);
        writes.write(ENTRIES, """
                        insert into timeline_entry (entry_id, journal_id, kind, step, occurred_at, recorded_at, fields,
                                                    revision, search_text, logged_sequence)
                        values (:entry, :journal, :kind, :step, :at, :recorded, cast(:fields as jsonb), 1, :search,
                                :sequence)""", row(logged.journalId(), entry).addValue("sequence", sequence));
        insertRevision(logged.journalId(), entry, sequence, logged.recordedAt(), Map.of(), null);
        insertVersion(logged.journalId(), sequence, entry);
        followers.forEach(follower -> follower.changed(logged.journalId(), null, entry));
    }

    private void revise(PublishedEvent published, UUID entryId, Map<String, Object> changes, String reason) {
        TimelineEntry entry = current(published.journalId(), entryId);
        Map<String, Object> fields = new LinkedHashMap<>(entry.fields());
        fields.putAll(changes);
        Instant moment = EntryMoment.amendedIn(EntryKind.valueOf(entry.kind()), changes)
                .map(TimelineProjection::stored)
                .orElse(entry.occurredAt());
        TimelineEntry revised = new TimelineEntry(
                entryId,
                entry.kind(),
                entry.step(),
                moment,
                entry.recordedAt(),
                fields,
                entry.revision() + 1,
                entry.retracted(),
                entry.retractedAt(),
                entry.retractionReason());
        replace(published.journalId(), published.sequence(), entry, revised);
        insertRevision(
                published.journalId(),
                revised,
                published.sequence(),
                published.event().recordedAt(),
                changes,
                reason);
    }

    /** The entry as it stands, its row locked; the command side only refers to entries it logged. */
    private TimelineEntry current(UUID journalId, UUID entryId) {
        writes.flush(); // the entry may have been logged earlier in this batch
        return jdbc.sql(TimelineQuery.COLUMNS + " where entry_id = :entry and journal_id = :journal for update")
                .param("entry", entryId)
                .param("journal", journalId)
                .query(TimelineQuery::entry)
                .optional()
                // So this means an event went missing.
                .orElseThrow(() -> new IllegalStateException("entry unknown to the timeline"));
    }

    /** The entry's new state: the live row changes, its version until now ends and a new one begins. */
    private void replace(UUID journalId, long sequence, TimelineEntry before, TimelineEntry entry) {
        writes.write(ENTRIES, """
                        update timeline_entry set occurred_at = :at, fields = cast(:fields as jsonb),
                               revision = :revision, search_text = :search, retracted = :retracted,
                               retracted_at = :retractedAt, retraction_reason = :reason
                        where journal_id = :journal and entry_id = :entry""", row(journalId, entry));
        writes.write(
                VERSIONS,
                """
                        update timeline_entry_version set valid_to = :sequence
                        where journal_id = :journal and entry_id = :entry and valid_to is null""",
                new MapSqlParameterSource("sequence", sequence)
                        .addValue("journal", journalId)
                        .addValue("entry", entry.entryId()));
        insertVersion(journalId, sequence, entry);
        followers.forEach(follower -> follower.changed(journalId, before, entry));
    }

    private void insertVersion(UUID journalId, long sequence, TimelineEntry entry) {
        // Queued after the entry's own write (the version's foreign key needs the entry row first).
        writes.write(VERSIONS, """
                        insert into timeline_entry_version (entry_id, journal_id, kind, step, occurred_at, recorded_at,
                                                            fields, retracted, retracted_at, retraction_reason,
                                                            revision, search_text, valid_from)
                        values (:entry, :journal, :kind, :step, :at, :recorded, cast(:fields as jsonb), :retracted,
                                :retractedAt, :reason, :revision, :search, :sequence)""", row(journalId, entry).addValue("sequence", sequence));
        // The ceiling only bounds where the as-of walk starts, so a row may stand for a group of the journal's
        // versions in a batch with the highest of them: a walk as of a version inside the group then also passes
        // over the group's later versions (fewer than CeilingGroups.SIZE), and the answer stays the same. Before,
        // a row per version: every check-in raises the ceiling.
        CeilingGroups.Group group = writes.batchMemory(CeilingGroups.class, CeilingGroups::new)
                .add(journalId, sequence, entry.occurredAt());
        // Follow-ups of one statement run in the order last queued, and a group is queued for the last time before
        // its journal's next group is: each sees the ceilings its journal's earlier groups raised.
        writes.followUp(
                group,
                """
                        insert into timeline_occurred_ceiling (journal_id, valid_from, ceiling)
                        select cast(:journal as uuid), cast(:sequence as bigint), cast(:at as timestamptz)
                        where cast(:at as timestamptz) > coalesce(
                            (select ceiling from timeline_occurred_ceiling where journal_id = :journal
                             order by valid_from desc limit 1), '-infinity')
                        on conflict (journal_id, valid_from) do update set ceiling = excluded.ceiling""",
                new MapSqlParameterSource("journal", journalId)
                        .addValue("sequence", group.from)
                        .addValue("at", Timestamp.from(group.highest)));
    }

    private void insertRevision(
            UUID journalId,
            TimelineEntry entry,
            long sequence,
            Instant recordedAt,
            Map<String, Object> changes,
            String reason) {
        writes.write(
                REVISIONS,
                """
                        insert into timeline_entry_revision (journal_id, entry_id, revision, sequence, recorded_at,
                                                             fields, changes, reason)
                        values (:journal, :entry, :revision, :sequence, :recorded, cast(:fields as jsonb),
                                cast(:changes as jsonb), :reason)""",
                new MapSqlParameterSource("journal", journalId)
                        .addValue("entry", entry.entryId())
                        .addValue("revision", entry.revision())
                        .addValue("sequence", sequence)
                        .addValue("recorded", Timestamp.from(recordedAt))
                        .addValue("fields", EntryFields.toJson(entry.fields()))
                        .addValue("changes", EntryFields.toJson(changes))
                        // Typed, so a null is sent as such instead of asking the driver for the type each time.
                        .addValue("reason", reason, Types.VARCHAR));
    }

    /** Every column of an entry's row, as the live table and the versions hold it. */
    private static MapSqlParameterSource row(UUID journalId, TimelineEntry entry) {
        return new MapSqlParameterSource("entry", entry.entryId())
                .addValue("journal", journalId)
                .addValue("kind", entry.kind())
                .addValue("step", entry.step(), Types.VARCHAR)
                .addValue("at", Timestamp.from(entry.occurredAt()))
                .addValue("recorded", Timestamp.from(entry.recordedAt()))
                .addValue("fields", EntryFields.toJson(entry.fields()))
                .addValue("revision", entry.revision())
                .addValue("search", EntryFields.searchText(entry.fields()))
                .addValue("retracted", entry.retracted())
                .addValue(
                        "retractedAt",
                        entry.retractedAt() == null ? null : Timestamp.from(entry.retractedAt()),
                        Types.TIMESTAMP)
                .addValue("reason", entry.retractionReason(), Types.VARCHAR);
    }

    /**
     * The timeline keeps instants to the microsecond, as PostgreSQL stores them (rounded, as the driver rounds);
     * rounding before writing makes the state handed to {@link EntryChanges} the state the row holds.
     */
    private static Instant stored(Instant instant) {
        return instant.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
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
        jdbc.sql("delete from timeline_entry where journal_id = :id")
                .param("id", journalId)
                .update();
        jdbc.sql("delete from timeline_occurred_ceiling where journal_id = :id")
                .param("id", journalId)
                .update();
    }
}
