package app.rekindle.query.progress;

import app.rekindle.events.EntryKind;
import app.rekindle.events.JournalEvent.EntryAmended;
import app.rekindle.events.JournalEvent.EntryLogged;
import app.rekindle.events.JournalEvent.EntryRetracted;
import app.rekindle.events.JournalEvent.JournalOpened;
import app.rekindle.events.JournalEvent.StepCompleted;
import app.rekindle.events.JournalEvent.StepReopened;
import app.rekindle.events.JournalEvent.StepStarted;
import app.rekindle.events.PublishedEvent;
import app.rekindle.events.Step;
import app.rekindle.query.projection.EntryMoment;
import app.rekindle.query.projection.ViewProjection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.UUID;

/** Six rows per journal, one per step, kept in step with starts, completions, reopenings and entries. */
@Component
class ProgressProjection implements ViewProjection {

    private final JdbcClient jdbc;

    ProgressProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void apply(PublishedEvent published) {
        switch (published.event()) {
            case JournalOpened opened -> {
                for (Step step : Step.values()) {
                    jdbc.sql("""
                                    insert into step_progress (journal_id, step, number, status)
                                    values (:id, :step, :number, 'NOT_STARTED')""")
                            .param("id", opened.journalId()).param("step", step.slug()).param("number", step.number())
                            .update();
                }
            }
            case StepStarted started -> update(started.journalId(), started.step(), """
                    update step_progress set status = 'IN_PROGRESS', started_at = coalesce(started_at, :at)
                    where journal_id = :id and step = :step""", "at", Timestamp.from(started.occurredAt()));
            case StepCompleted completed -> jdbc.sql("""
                            update step_progress set status = 'COMPLETED', completed_at = :at, summary = :summary
                            where journal_id = :id and step = :step""")
                    .param("at", Timestamp.from(completed.occurredAt())).param("summary", completed.summary())
                    .param("id", completed.journalId()).param("step", completed.step().slug()).update();
            case StepReopened reopened -> update(reopened.journalId(), reopened.step(), """
                    update step_progress set status = 'IN_PROGRESS', completed_at = null,
                           reopened_count = reopened_count + 1, last_reopen_reason = :reason
                    where journal_id = :id and step = :step""", "reason", reopened.reason());
            case EntryLogged logged when logged.kind().step().isPresent() -> logged(logged);
            case EntryAmended amended -> amended(amended);
            case EntryRetracted retracted -> retracted(retracted);
            default -> {
            }
        }
    }

    private void logged(EntryLogged logged) {
        Step step = logged.kind().step().orElseThrow();
        jdbc.sql("""
                        insert into step_entry (entry_id, journal_id, step, kind, occurred_at)
                        values (:entry, :id, :step, :kind, :at)""")
                .param("entry", logged.entryId()).param("id", logged.journalId()).param("step", step.slug())
                .param("kind", logged.kind().name()).param("at", Timestamp.from(EntryMoment.of(logged))).update();
        recount(logged.entryId());
    }

    private void amended(EntryAmended amended) {
        jdbc.sql("select kind from step_entry where entry_id = :entry").param("entry", amended.entryId())
                .query(String.class).optional()
                .flatMap(kind -> EntryMoment.amendedIn(EntryKind.valueOf(kind), amended.changes()))
                .ifPresent(moment -> {
                    jdbc.sql("update step_entry set occurred_at = :at where entry_id = :entry")
                            .param("at", Timestamp.from(moment)).param("entry", amended.entryId()).update();
                    recount(amended.entryId());
                });
    }

    private void retracted(EntryRetracted retracted) {
        int rows = jdbc.sql("update step_entry set retracted = true where entry_id = :entry")
                .param("entry", retracted.entryId()).update();
        if (rows > 0) {
            recount(retracted.entryId());
        }
    }

    /** Recounts the step an entry belongs to from the slice's own entry list, so every path agrees. */
    private void recount(UUID entryId) {
        jdbc.sql("""
                        update step_progress p set
                            entry_count = (select count(*) from step_entry e
                                           where e.journal_id = p.journal_id and e.step = p.step and not e.retracted),
                            last_entry_at = (select max(e.occurred_at) from step_entry e
                                             where e.journal_id = p.journal_id and e.step = p.step and not e.retracted)
                        from step_entry changed
                        where changed.entry_id = :entry and p.journal_id = changed.journal_id and p.step = changed.step""")
                .param("entry", entryId).update();
    }

    private void update(UUID journalId, Step step, String sql, String name, Object value) {
        jdbc.sql(sql).param("id", journalId).param("step", step.slug()).param(name, value).update();
    }

    @Override
    public void purge(UUID journalId) {
        jdbc.sql("delete from step_entry where journal_id = :id").param("id", journalId).update();
        jdbc.sql("delete from step_progress where journal_id = :id").param("id", journalId).update();
    }
}
