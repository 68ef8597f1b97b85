package app.rekindle.query.onthisday;

import app.rekindle.events.PublishedEvent;
import app.rekindle.query.journals.JournalCalendars;
import app.rekindle.query.projection.ViewProjection;
import app.rekindle.query.projection.ViewWrites;
import app.rekindle.query.timeline.EntryChanges;
import app.rekindle.query.timeline.TimelineEntry;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each entry's day in its journal's zone, kept as the timeline's entries change (an amendment may move it, a
 * retraction hides it); written once per entry per batch, in its last state.
 */
@Component
class EntryDays implements EntryChanges, ViewProjection {

    private final JdbcClient jdbc;
    private final ViewWrites writes;
    private final JournalCalendars calendars;

    EntryDays(JdbcClient jdbc, ViewWrites writes, JournalCalendars calendars) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.calendars = calendars;
    }

    @Override
    public void changed(UUID journalId, TimelineEntry before, TimelineEntry after) {
        LocalDate day = after.occurredAt().atZone(calendars.zone(journalId)).toLocalDate();
        writes.followUp(
                List.of("on-this-day", journalId, after.entryId()),
                """
                        insert into on_this_day_entry (entry_id, journal_id, day, day_of_month, retracted)
                        values (:entry, :journal, :day, :dayOfMonth, :retracted)
                        on conflict (journal_id, entry_id) do update
                        set day = excluded.day, day_of_month = excluded.day_of_month, retracted = excluded.retracted""",
                new MapSqlParameterSource("entry", after.entryId())
                        .addValue("journal", journalId)
                        .addValue("day", Date.valueOf(day))
                        .addValue("dayOfMonth", day.getDayOfMonth())
                        .addValue("retracted", after.retracted()));
    }

    /** The entries not retracted on the same day of the month as {@code date}, before it. */
    List<UUID> earlier(UUID journalId, LocalDate date) {
        return jdbc.sql("""
                        select entry_id from on_this_day_entry
                        where journal_id = :journal and day_of_month = :dayOfMonth and day < :date and not retracted""")
                .param("journal", journalId)
                .param("dayOfMonth", date.getDayOfMonth())
                .param("date", Date.valueOf(date))
                .query(UUID.class)
                .list();
    }

    /** The days follow the timeline's entries ({@link EntryChanges}), not the events themselves. */
    @Override
    public void apply(PublishedEvent published) {}

    @Override
    public void purge(UUID journalId) {
        jdbc.sql("delete from on_this_day_entry where journal_id = :id")
                .param("id", journalId)
                .update();
    }
}
