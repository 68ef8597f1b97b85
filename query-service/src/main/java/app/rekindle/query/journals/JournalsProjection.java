package app.rekindle.query.journals;

import app.rekindle.events.JournalEvent;
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
import app.rekindle.query.projection.EntryMoment;
import app.rekindle.query.projection.ViewProjection;
import app.rekindle.query.projection.ViewWrites;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps one row per journal: who owns it, its status and a little activity summary. */
@Component
class JournalsProjection implements ViewProjection {

    private static final String TABLE = "journal_view";

    private final JdbcClient jdbc;
    private final ViewWrites writes;
    private final JournalCalendars calendars;

    JournalsProjection(JdbcClient jdbc, ViewWrites writes, JournalCalendars calendars) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.calendars = calendars;
    }

    @Override
    public void apply(PublishedEvent published) {
        JournalEvent event = published.event();
        // A batch writes each journal's row once for all its events: the last version, the entries added up.
        int entries = 0;
        Timestamp lastEntryAt = null;
        switch (event) {
            case JournalOpened opened -> {
                open(opened, published.sequence());
                calendars.opened(opened.journalId(), opened.timezone());
                return;
            }
            case EntryLogged logged -> {
                entries = 1;
                lastEntryAt = Timestamp.from(EntryMoment.of(logged));
            }
            case EntryRetracted retracted -> entries = -1;
            case JournalClosed closed ->
                writes.write(
                        TABLE,
                        """
                            update journal_view set status = 'CLOSED', closure_outcome = :outcome,
                                   closure_note = :note, closed_at = :at
                            where journal_id = :id""",
                        new MapSqlParameterSource("outcome", closed.outcome().name())
                                .addValue("note", closed.note(), Types.VARCHAR)
                                .addValue("at", Timestamp.from(closed.occurredAt()))
                                .addValue("id", closed.journalId()));
            // The rest only move the journal's version.
            case EntryAmended amended -> {}
            case DateHappened happened -> {}
            case DateCancelled cancelled -> {}
            case StepStarted started -> {}
            case StepCompleted completed -> {}
            case StepReopened reopened -> {}
            case JournalErased erased -> {}
        }
        writes.followUp(
                List.of("journal-view", event.journalId()),
                """
                        update journal_view set version = :version, entry_count = greatest(entry_count + :entries, 0),
                               last_entry_at = greatest(last_entry_at, :lastEntryAt)
                        where journal_id = :id""",
                new MapSqlParameterSource("version", published.sequence())
                        .addValue("entries", entries)
                        .addValue("lastEntryAt", lastEntryAt, Types.TIMESTAMP)
                        .addValue("id", event.journalId()),
                JournalsProjection::fold);
    }

    private static MapSqlParameterSource fold(MapSqlParameterSource queued, MapSqlParameterSource next) {
        Timestamp before = (Timestamp) queued.getValue("lastEntryAt");
        Timestamp after = (Timestamp) next.getValue("lastEntryAt");
        return new MapSqlParameterSource("version", next.getValue("version"))
                .addValue("entries", (int) queued.getValue("entries") + (int) next.getValue("entries"))
                .addValue(
                        "lastEntryAt",
                        before == null || after != null && after.after(before) ? after : before,
                        Types.TIMESTAMP)
                .addValue("id", next.getValue("id"));
    }

    private void open(JournalOpened opened, long sequence) {
        writes.write(
                TABLE,
                """
                        insert into journal_view (journal_id, owner_id, partner_name, intention, timezone, status,
                                                  opened_at, version)
                        values (:id, :owner, :partner, :intention, :timezone, 'OPEN', :openedAt, :version)""",
                new MapSqlParameterSource("id", opened.journalId())
                        .addValue("owner", opened.ownerId())
                        .addValue("partner", opened.partnerName(), Types.VARCHAR)
                        .addValue("intention", opened.intention(), Types.VARCHAR)
                        .addValue("timezone", opened.timezone(), Types.VARCHAR)
                        .addValue("openedAt", Timestamp.from(opened.occurredAt()))
                        .addValue("version", sequence));
    }

    @Override
    public void purge(UUID journalId) {
        jdbc.sql("delete from journal_view where journal_id = :id")
                .param("id", journalId)
                .update();
    }
}
