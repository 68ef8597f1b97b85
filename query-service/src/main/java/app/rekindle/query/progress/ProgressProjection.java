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
import app.rekindle.query.projection.ViewWrites;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import java.util.UUID;

/** Six rows per journal, one per step, kept in step with starts, completions, reopenings and entries. */
@Component
class ProgressProjection implements ViewProjection {

    private static final String PROGRESS = "step_progress";
    private static final String ENTRIES = "step_entry";

    private final JdbcClient jdbc;
    private final ViewWrites writes;

    ProgressProjection(JdbcClient jdbc, ViewWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @Override
    public void apply(PublishedEvent published) {
        switch (published.event()) {
            case JournalOpened opened -> {
                for (Step step : Step.values()) {
                    writes.write(PROGRESS, """
                                    insert into step_progress (journal_id, step, number, status)
                                    values (:id, :step, :number, 'NOT_STARTED')""",
                            new MapSqlParameterSource("id", opened.journalId()).addValue("step", step.slug())
                                    .addValue("number", step.number()));
                }
            }
            case StepStarted started -> update(started.journalId(), started.step(), """
                    update step_progress set status = 'IN_PROGRESS', started_at = coalesce(started_at, :at)
                    where journal_id = :id and step = :step""", "at", Timestamp.from(started.occurredAt()));
            case StepCompleted completed -> writes.write(PROGRESS, """
                            update step_progress set status = 'COMPLETED', completed_at = :at, summary = :summary
                            where journal_id = :id and step = :step""",
                    new MapSqlParameterSource("at", Timestamp.from(completed.occurredAt()))
                            .addValue("summary", completed.summary(), Types.VARCHAR).addValue("id", completed.journalId())
                            .addValue("step", completed.step().slug()));
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
        writes.write(ENTRIES, """
                        insert into step_entry (entry_id, journal_id, step, kind, occurred_at)
                        values (:entry, :id, :step, :kind, :at)""",
                new MapSqlParameterSource("entry", logged.entryId()).addValue("id", logged.journalId())
                        .addValue("step", step.slug()).addValue("kind", logged.kind().name())
                        .addValue("at", Timestamp.from(EntryMoment.of(logged))));
        recount(logged.entryId());
    }

    private void amended(EntryAmended amended) {
        writes.flush(); // the entry may have been logged earlier in this batch
        jdbc.sql("select kind from step_entry where entry_id = :entry").param("entry", amended.entryId())
                .query(String.class).optional()
                .flatMap(kind -> EntryMoment.amendedIn(EntryKind.valueOf(kind), amended.changes()))
                .ifPresent(moment -> {
                    writes.write(ENTRIES, "update step_entry set occurred_at = :at where entry_id = :entry",
                            new MapSqlParameterSource("at", Timestamp.from(moment))
                                    .addValue("entry", amended.entryId()));
                    recount(amended.entryId());
                });
    }

    private void retracted(EntryRetracted retracted) {
        // An entry of no step has no row here; its recount then changes nothing.
        writes.write(ENTRIES, "update step_entry set retracted = true where entry_id = :entry",
                new MapSqlParameterSource("entry", retracted.entryId()));
        recount(retracted.entryId());
    }

    /**
     * Recounts the step an entry belongs to from the slice's own entry list, so every path agrees. Queued as a
     * follow-up: it runs after the batch's entry rows are written, once per entry.
     */
    private void recount(UUID entryId) {
        writes.followUp(List.of("step-recount", entryId), """
                        update step_progress p set
                            entry_count = (select count(*) from step_entry e
                                           where e.journal_id = p.journal_id and e.step = p.step and not e.retracted),
                            last_entry_at = (select max(e.occurred_at) from step_entry e
                                             where e.journal_id = p.journal_id and e.step = p.step and not e.retracted)
                        from step_entry changed
                        where changed.entry_id = :entry and p.journal_id = changed.journal_id and p.step = changed.step""",
                new MapSqlParameterSource("entry", entryId));
    }

    private void update(UUID journalId, Step step, String sql, String name, Object value) {
        writes.write(PROGRESS, sql, new MapSqlParameterSource("id", journalId).addValue("step", step.slug())
                .addValue(name, value));
    }

    @Override
    public void purge(UUID journalId) {
        jdbc.sql("delete from step_entry where journal_id = :id").param("id", journalId).update();
        jdbc.sql("delete from step_progress where journal_id = :id").param("id", journalId).update();
    }
}
