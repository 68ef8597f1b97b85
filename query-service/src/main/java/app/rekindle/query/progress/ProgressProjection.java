package app.rekindle.query.progress;

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
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Six rows per journal, one per step, kept in step with starts, completions, reopenings and entries; and every
 * state a step has held, with the sequences it held for, which {@code progress?asOf} reads. Each event is one
 * statement that changes the step's row and records the new state as a version ({@link #versioned}), so the two
 * cannot disagree; they run in the order of the events (one queue for both tables), each seeing the state its
 * event left, and consecutive events of one type go as one JDBC batch.
 */
@Component
class ProgressProjection implements ViewProjection {

    /** The queue of both tables: a step's version must see the entries written before it. */
    private static final String PROGRESS = "step_progress";

    private static final String COLUMNS = """
            journal_id, step, number, status, started_at, completed_at, summary, reopened_count, last_reopen_reason,
            entry_count, last_entry_at""";

    /** The six steps of a journal just opened, not started. */
    private static final String OPENED = "insert into step_progress as p (journal_id, step, number, status) values "
            + Arrays.stream(Step.values())
                    .map(step -> "(:id, '" + step.slug() + "', " + step.number() + ", 'NOT_STARTED')")
                    .collect(Collectors.joining(", "));

    private final JdbcClient jdbc;
    private final ViewWrites writes;

    ProgressProjection(JdbcClient jdbc, ViewWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @Override
    public void apply(PublishedEvent published) {
        long sequence = published.sequence();
        switch (published.event()) {
            case JournalOpened opened ->
                writes.write(
                        PROGRESS,
                        versioned("", OPENED),
                        new MapSqlParameterSource("id", opened.journalId()).addValue("sequence", sequence));
            case StepStarted started ->
                write(started.journalId(), started.step(), sequence, """
                    update step_progress p set status = 'IN_PROGRESS', started_at = coalesce(started_at, :at)
                    where journal_id = :id and step = :step""", "at", Timestamp.from(started.occurredAt()));
            case StepCompleted completed ->
                writes.write(
                        PROGRESS,
                        versioned("", """
                            update step_progress p set status = 'COMPLETED', completed_at = :at, summary = :summary
                            where journal_id = :id and step = :step"""),
                        step(completed.journalId(), completed.step(), sequence)
                                .addValue("at", Timestamp.from(completed.occurredAt()))
                                .addValue("summary", completed.summary(), Types.VARCHAR));
            case StepReopened reopened ->
                write(reopened.journalId(), reopened.step(), sequence, """
                    update step_progress p set status = 'IN_PROGRESS', completed_at = null,
                           reopened_count = reopened_count + 1, last_reopen_reason = :reason
                    where journal_id = :id and step = :step""", "reason", reopened.reason());
            case EntryLogged logged -> logged.kind().step().ifPresent(step -> logged(logged, step, sequence));
            case EntryAmended amended -> amended(amended, sequence);
            case EntryRetracted retracted -> retracted(retracted, sequence);
            // Whether a date happened changes neither its step nor its moment.
            case DateHappened happened -> {}
            case DateCancelled cancelled -> {}
            case JournalClosed closed -> {}
            case JournalErased erased -> {}
        }
    }

    /** A new entry of a step: one more entry, and perhaps a later last one. */
    private void logged(EntryLogged logged, Step step, long sequence) {
        writes.write(
                PROGRESS,
                versioned("""
                        entry as (
                            insert into step_entry (entry_id, journal_id, step, kind, occurred_at)
                            values (:entry, :id, :step, :kind, :at)),
                        """, """
                        update step_progress p set entry_count = entry_count + 1,
                               last_entry_at = greatest(last_entry_at, :at)
                        where journal_id = :id and step = :step"""),
                step(logged.journalId(), step, sequence)
                        .addValue("entry", logged.entryId())
                        .addValue("kind", logged.kind().name())
                        .addValue("at", Timestamp.from(EntryMoment.of(logged))));
    }

    /** An entry moved in time: its step's last entry is found again. Rare, so it reads the entry's kind first. */
    private void amended(EntryAmended amended, long sequence) {
        writes.flush(); // the entry may have been logged earlier in this batch
        jdbc.sql("select kind from step_entry where journal_id = :journal and entry_id = :entry")
                .param("journal", amended.journalId())
                .param("entry", amended.entryId())
                .query(String.class)
                .optional()
                .flatMap(kind -> EntryMoment.amendedIn(EntryKind.valueOf(kind), amended.changes()))
                .ifPresent(moment -> {
                    MapSqlParameterSource params = new MapSqlParameterSource("at", Timestamp.from(moment))
                            .addValue("id", amended.journalId())
                            .addValue("entry", amended.entryId())
                            .addValue("sequence", sequence);
                    writes.write(
                            PROGRESS,
                            "update step_entry set occurred_at = :at where journal_id = :id and entry_id = :entry",
                            params);
                    recount(params);
                });
    }

    private void retracted(EntryRetracted retracted, long sequence) {
        // An entry of no step has no row here; its recount then changes nothing.
        MapSqlParameterSource params = new MapSqlParameterSource("id", retracted.journalId())
                .addValue("entry", retracted.entryId())
                .addValue("sequence", sequence);
        writes.write(
                PROGRESS,
                "update step_entry set retracted = true where journal_id = :id and entry_id = :entry",
                params);
        recount(params);
    }

    /** Recounts the step an entry belongs to from the slice's own entry list, as it stands after the event. */
    private void recount(MapSqlParameterSource params) {
        writes.write(PROGRESS, versioned("", """
                update step_progress p set
                    entry_count = (select count(*) from step_entry e
                                   where e.journal_id = p.journal_id and e.step = p.step and not e.retracted),
                    last_entry_at = (select max(e.occurred_at) from step_entry e
                                     where e.journal_id = p.journal_id and e.step = p.step and not e.retracted)
                from step_entry changed
                where changed.journal_id = :id and changed.entry_id = :entry
                  and p.journal_id = changed.journal_id and p.step = changed.step"""), params);
    }

    private void write(UUID journalId, Step step, long sequence, String change, String name, Object value) {
        writes.write(
                PROGRESS, versioned("", change), step(journalId, step, sequence).addValue(name, value));
    }

    private static MapSqlParameterSource step(UUID journalId, Step step, long sequence) {
        return new MapSqlParameterSource("id", journalId)
                .addValue("step", step.slug())
                .addValue("sequence", sequence);
    }

    /**
     * One statement: the change to step rows (an insert into or an update of {@code step_progress p}, after the
     * common table expressions {@code before}, if any), then the changed rows' versions until now end at
     * {@code :sequence} and their new states begin there.
     */
    private static String versioned(String before, String change) {
        String returned = Arrays.stream(COLUMNS.split(","))
                .map(column -> "p." + column.strip())
                .collect(Collectors.joining(", "));
        return "with " + before + "changed_steps as (" + change + "\nreturning " + returned + "),\n"
                + """
                ended as (
                    update step_progress_version v set valid_to = :sequence from changed_steps c
                    where v.journal_id = c.journal_id and v.step = c.step and v.valid_to is null)
                insert into step_progress_version (""" + COLUMNS + ", valid_from)\n"
                + "select " + COLUMNS + ", :sequence from changed_steps";
    }

    @Override
    public void purge(UUID journalId) {
        jdbc.sql("delete from step_entry where journal_id = :id")
                .param("id", journalId)
                .update();
        jdbc.sql("delete from step_progress_version where journal_id = :id")
                .param("id", journalId)
                .update();
        jdbc.sql("delete from step_progress where journal_id = :id")
                .param("id", journalId)
                .update();
    }
}
