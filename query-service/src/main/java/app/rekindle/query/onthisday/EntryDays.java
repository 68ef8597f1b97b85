package app.rekindle.query.onthisday;

import app.rekindle.events.PublishedEvent;
import app.rekindle.query.journals.JournalCalendars;
import app.rekindle.query.projection.ViewProjection;
import app.rekindle.query.projection.ViewWrites;
import app.rekindle.query.timeline.EntryChanges;
import app.rekindle.query.timeline.TimelineCursor;
import app.rekindle.query.timeline.TimelineEntry;
import app.rekindle.query.timeline.TimelinePaging;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
                        insert into on_this_day_entry (entry_id, journal_id, day, day_of_month, occurred_at, retracted)
                        values (:entry, :journal, :day, :dayOfMonth, :occurredAt, :retracted)
                        on conflict (journal_id, entry_id) do update
                        set day = excluded.day, day_of_month = excluded.day_of_month,
                            occurred_at = excluded.occurred_at, retracted = excluded.retracted""",
                new MapSqlParameterSource("entry", after.entryId())
                        .addValue("journal", journalId)
                        .addValue("day", Date.valueOf(day))
                        .addValue("dayOfMonth", day.getDayOfMonth())
                        .addValue("occurredAt", Timestamp.from(after.occurredAt()))
                        .addValue("retracted", after.retracted()));
    }

    /**
     * One page of the entries not retracted on the same day of the month as {@code date}, before it, newest first
     * (the day, then the instant, then the id, so a day's entries stay together): at most {@code limit + 1} keys,
     * the extra one telling that another page exists. One range of index on_this_day_entry_page, whatever the
     * journal's length; the cursor's day is its instant's day in the journal's zone, which never changes.
     */
    List<EntryKey> earlier(UUID journalId, ZoneId zone, LocalDate date, TimelinePaging paging) {
        StringBuilder sql = new StringBuilder("""
                select entry_id, occurred_at from on_this_day_entry
                where journal_id = :journal and day_of_month = :dayOfMonth and day < :date and not retracted""");
        MapSqlParameterSource params = new MapSqlParameterSource("journal", journalId)
                .addValue("dayOfMonth", date.getDayOfMonth())
                .addValue("date", Date.valueOf(date))
                .addValue("limit", paging.limit() + 1);
        TimelineCursor after = paging.after();
        if (after != null) {
            sql.append(" and (day, occurred_at, entry_id) < (:afterDay, :afterAt, :afterId)");
            params.addValue(
                            "afterDay",
                            Date.valueOf(after.occurredAt().atZone(zone).toLocalDate()))
                    .addValue("afterAt", Timestamp.from(after.occurredAt()))
                    .addValue("afterId", after.entryId());
        }
        sql.append(" order by day desc, occurred_at desc, entry_id desc limit :limit");
        return jdbc.sql(sql.toString())
                .paramSource(params)
                .query((rs, n) -> new EntryKey(
                        rs.getObject("entry_id", UUID.class),
                        rs.getTimestamp("occurred_at").toInstant()))
                .list();
    }

    /** Where an entry stands in on-this-day's order; the last one on a page is the next page's cursor. */
    record EntryKey(UUID entryId, Instant occurredAt) {

        TimelineCursor cursor() {
            return new TimelineCursor(occurredAt, entryId);
        }
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
