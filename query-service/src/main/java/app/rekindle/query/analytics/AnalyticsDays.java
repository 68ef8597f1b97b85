package app.rekindle.query.analytics;

import app.rekindle.events.PublishedEvent;
import app.rekindle.query.journals.JournalCalendars;
import app.rekindle.query.projection.ViewProjection;
import app.rekindle.query.projection.ViewWrites;
import app.rekindle.query.timeline.EntryChanges;
import app.rekindle.query.timeline.TimelineEntry;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each journal's {@link DayTotals} per day, kept as the timeline's entries change: a change takes the entry's
 * old state out of its old day and adds the new one to its day (amendments may move it). The additions of a
 * batch are summed per day and total and written once each, after the batch's other writes.
 */
@Component
class AnalyticsDays implements EntryChanges, ViewProjection {

    private final JdbcClient jdbc;
    private final ViewWrites writes;
    private final JournalCalendars calendars;

    AnalyticsDays(JdbcClient jdbc, ViewWrites writes, JournalCalendars calendars) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.calendars = calendars;
    }

    @Override
    public void changed(UUID journalId, TimelineEntry before, TimelineEntry after) {
        ZoneId zone = calendars.zone(journalId);
        Map<LocalDate, DayTotals> changes = new HashMap<>();
        if (before != null) {
            changes.merge(day(before, zone), DayTotals.of(before).negated(), DayTotals::plus);
        }
        changes.merge(day(after, zone), DayTotals.of(after), DayTotals::plus);
        changes.forEach((day, totals) -> totals.totals().forEach((total, value) -> {
            if (value != 0) {
                writes.followUp(
                        List.of("analytics-day", journalId, day, total),
                        """
                                insert into analytics_day_total (journal_id, day, total, value)
                                values (:journal, :day, :total, :value)
                                on conflict (journal_id, day, total)
                                do update set value = analytics_day_total.value + excluded.value""",
                        new MapSqlParameterSource("journal", journalId)
                                .addValue("day", Date.valueOf(day))
                                .addValue("total", total)
                                .addValue("value", value),
                        (queued, next) -> next.addValue(
                                "value", (long) queued.getValue("value") + (long) next.getValue("value")));
            }
        }));
    }

    /** The totals of the journal's days from {@code from} to {@code to} (both included; null ends are open). */
    SortedMap<LocalDate, DayTotals> days(UUID journalId, LocalDate from, LocalDate to) {
        Map<LocalDate, Map<String, Long>> days = new TreeMap<>();
        jdbc.sql("""
                        select day, total, value from analytics_day_total
                        where journal_id = :journal and day >= coalesce(cast(:from as date), '-infinity')
                          and day <= coalesce(cast(:to as date), 'infinity') and value <> 0""")
                .param("journal", journalId)
                .param("from", from == null ? null : Date.valueOf(from))
                .param("to", to == null ? null : Date.valueOf(to))
                .query(rs -> {
                    days.computeIfAbsent(rs.getDate("day").toLocalDate(), d -> new HashMap<>())
                            .put(rs.getString("total"), rs.getLong("value"));
                });
        TreeMap<LocalDate, DayTotals> totals = new TreeMap<>();
        days.forEach((day, values) -> totals.put(day, new DayTotals(values)));
        return totals;
    }

    private static LocalDate day(TimelineEntry entry, ZoneId zone) {
        return entry.occurredAt().atZone(zone).toLocalDate();
    }

    /** The day totals follow the timeline's entries ({@link EntryChanges}), not the events themselves. */
    @Override
    public void apply(PublishedEvent published) {}

    @Override
    public void purge(UUID journalId) {
        jdbc.sql("delete from analytics_day_total where journal_id = :id")
                .param("id", journalId)
                .update();
    }
}
