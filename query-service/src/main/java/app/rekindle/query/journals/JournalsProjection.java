package app.rekindle.query.journals;

import app.rekindle.events.JournalEvent;
import app.rekindle.events.JournalEvent.EntryLogged;
import app.rekindle.events.JournalEvent.EntryRetracted;
import app.rekindle.events.JournalEvent.JournalClosed;
import app.rekindle.events.JournalEvent.JournalOpened;
import app.rekindle.events.PublishedEvent;
import app.rekindle.query.projection.EntryMoment;
import app.rekindle.query.projection.ViewProjection;
import app.rekindle.query.projection.ViewWrites;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

/** Keeps one row per journal: who owns it, its status and a little activity summary. */
@Component
class JournalsProjection implements ViewProjection {

    private static final String TABLE = "journal_view";

    private final JdbcClient jdbc;
    private final ViewWrites writes;

    JournalsProjection(JdbcClient jdbc, ViewWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @Override
    public void apply(PublishedEvent published) {
        JournalEvent event = published.event();
        if (event instanceof JournalOpened opened) {
            open(opened, published.sequence());
            return;
        }
        // Only the last version of a batch matters, so it is written once per journal after the other changes.
        writes.followUp(List.of("journal-version", event.journalId()),
                "update journal_view set version = :version where journal_id = :id",
                new MapSqlParameterSource("version", published.sequence()).addValue("id", event.journalId()));
        switch (event) {
            case EntryLogged logged -> writes.write(TABLE, """
                            update journal_view set entry_count = entry_count + 1,
                                   last_entry_at = greatest(last_entry_at, :at)
                            where journal_id = :id""",
                    new MapSqlParameterSource("at", Timestamp.from(EntryMoment.of(logged)))
                            .addValue("id", logged.journalId()));
            case EntryRetracted retracted -> writes.write(TABLE, """
                            update journal_view set entry_count = greatest(entry_count - 1, 0) where journal_id = :id""",
                    new MapSqlParameterSource("id", retracted.journalId()));
            case JournalClosed closed -> writes.write(TABLE, """
                            update journal_view set status = 'CLOSED', closure_outcome = :outcome,
                                   closure_note = :note, closed_at = :at
                            where journal_id = :id""",
                    new MapSqlParameterSource("outcome", closed.outcome().name()).addValue("note", closed.note())
                            .addValue("at", Timestamp.from(closed.occurredAt())).addValue("id", closed.journalId()));
            default -> {
            }
        }
    }

    private void open(JournalOpened opened, long sequence) {
        writes.write(TABLE, """
                        insert into journal_view (journal_id, owner_id, partner_name, intention, timezone, status,
                                                  opened_at, version)
                        values (:id, :owner, :partner, :intention, :timezone, 'OPEN', :openedAt, :version)""",
                new MapSqlParameterSource("id", opened.journalId()).addValue("owner", opened.ownerId())
                        .addValue("partner", opened.partnerName()).addValue("intention", opened.intention())
                        .addValue("timezone", opened.timezone())
                        .addValue("openedAt", Timestamp.from(opened.occurredAt())).addValue("version", sequence));
    }

    @Override
    public void purge(UUID journalId) {
        jdbc.sql("delete from journal_view where journal_id = :id").param("id", journalId).update();
    }
}
