package app.rekindle.query.journals;

import app.rekindle.events.JournalEvent;
import app.rekindle.events.JournalEvent.EntryLogged;
import app.rekindle.events.JournalEvent.EntryRetracted;
import app.rekindle.events.JournalEvent.JournalClosed;
import app.rekindle.events.JournalEvent.JournalOpened;
import app.rekindle.events.PublishedEvent;
import app.rekindle.query.projection.EntryMoment;
import app.rekindle.query.projection.ViewProjection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.UUID;

/** Keeps one row per journal: who owns it, its status and a little activity summary. */
@Component
class JournalsProjection implements ViewProjection {

    private final JdbcClient jdbc;

    JournalsProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void apply(PublishedEvent published) {
        JournalEvent event = published.event();
        if (event instanceof JournalOpened opened) {
            open(opened, published.sequence());
            return;
        }
        jdbc.sql("update journal_view set version = :version where journal_id = :id")
                .param("version", published.sequence()).param("id", event.journalId()).update();
        switch (event) {
            case EntryLogged logged -> jdbc.sql("""
                            update journal_view set entry_count = entry_count + 1,
                                   last_entry_at = greatest(last_entry_at, :at)
                            where journal_id = :id""")
                    .param("at", Timestamp.from(EntryMoment.of(logged))).param("id", logged.journalId()).update();
            case EntryRetracted retracted -> jdbc.sql("""
                            update journal_view set entry_count = greatest(entry_count - 1, 0) where journal_id = :id""")
                    .param("id", retracted.journalId()).update();
            case JournalClosed closed -> jdbc.sql("""
                            update journal_view set status = 'CLOSED', closure_outcome = :outcome,
                                   closure_note = :note, closed_at = :at
                            where journal_id = :id""")
                    .param("outcome", closed.outcome().name()).param("note", closed.note())
                    .param("at", Timestamp.from(closed.occurredAt())).param("id", closed.journalId()).update();
            default -> {
            }
        }
    }

    private void open(JournalOpened opened, long sequence) {
        jdbc.sql("""
                        insert into journal_view (journal_id, owner_id, partner_name, intention, timezone, status,
                                                  opened_at, version)
                        values (:id, :owner, :partner, :intention, :timezone, 'OPEN', :openedAt, :version)""")
                .param("id", opened.journalId()).param("owner", opened.ownerId())
                .param("partner", opened.partnerName()).param("intention", opened.intention())
                .param("timezone", opened.timezone()).param("openedAt", Timestamp.from(opened.occurredAt()))
                .param("version", sequence).update();
    }

    @Override
    public void purge(UUID journalId) {
        jdbc.sql("delete from journal_view where journal_id = :id").param("id", journalId).update();
    }
}
