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
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each journal's {@link DayTotals} per day, and summed per week and per month (its zone is fixed at opening, so
 * its periods are too), kept as the timeline's entries change: a change takes the entry's old state out of its
 * old day and period and adds the new one to its day and period (amendments may move it). The additions of a
 * batch are summed per key and written once each, after the batch's other writes.
 */
@Component
class AnalyticsDays implements EntryChanges, ViewProjection {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Long>> TOTALS = new TypeReference<>() {};

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
        for (Bucket bucket : Bucket.values()) {
            Map<LocalDate, DayTotals> periods = new HashMap<>();
            changes.forEach((day, totals) -> periods.merge(bucket.startOf(day), totals, DayTotals::plus));
            periods.forEach((start, totals) -> addToPeriod(journalId, bucket, start, totals));
        }
    }

    /** Adds to one period's totals: summed in the batch, then merged into the row key by key, zeros dropped. */
    private void addToPeriod(UUID journalId, Bucket bucket, LocalDate start, DayTotals totals) {
        if (totals.totals().values().stream().allMatch(value -> value == 0)) {
            return;
        }
        writes.followUp(
                List.of("analytics-period", journalId, bucket, start),
                """
                        insert into analytics_period_total (journal_id, bucket, start, totals)
                        values (:journal, :bucket, :start, cast(:totals as jsonb))
                        on conflict (journal_id, bucket, start) do update set totals = (
                            select coalesce(jsonb_object_agg(key, value), '{}')
                            from (select key, sum(cast(value as bigint)) as value
                                  from (select * from jsonb_each_text(analytics_period_total.totals)
                                        union all select * from jsonb_each_text(excluded.totals)) both_sides
                                  group by key having sum(cast(value as bigint)) <> 0) summed)""",
                periodParameters(journalId, bucket, start, totals),
                (queued, next) ->
                        periodParameters(journalId, bucket, start, ((DayTotals) queued.getValue("sum")).plus(totals)));
    }

    private static MapSqlParameterSource periodParameters(
            UUID journalId, Bucket bucket, LocalDate start, DayTotals totals) {
        Map<String, Long> nonZero = new TreeMap<>();
        totals.totals().forEach((total, value) -> {
            if (value != 0) {
                nonZero.put(total, value);
            }
        });
        return new MapSqlParameterSource("journal", journalId)
                .addValue("bucket", bucket.name())
                .addValue("start", Date.valueOf(start))
                .addValue("totals", JSON.writeValueAsString(nonZero))
                // not in the statement: what the batch's later changes to the period add to
                .addValue("sum", totals);
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

    /**
     * What each period of the range adds up to, by its start, counting only the range's days: the periods the
     * range holds whole are read from their kept totals, one row each, and only a period the range cuts (its
     * first or last) is added up from its days, so the read costs the range's periods, not its days.
     */
    SortedMap<LocalDate, DayTotals> periods(UUID journalId, AnalyticsCalculator.Range range) {
        Bucket bucket = range.bucket();
        LocalDate from = range.from();
        LocalDate to = range.to();
        // Whole periods start from wholeFrom (included) until wholeUntil (excluded); null is open.
        LocalDate wholeFrom =
                from == null || bucket.startOf(from).equals(from) ? from : bucket.next(bucket.startOf(from));
        LocalDate wholeUntil = to == null
                ? null
                : to.plusDays(1).equals(bucket.next(bucket.startOf(to))) ? to.plusDays(1) : bucket.startOf(to);
        TreeMap<LocalDate, DayTotals> periods = new TreeMap<>();
        if (wholeFrom != null && wholeUntil != null && !wholeFrom.isBefore(wholeUntil)) {
            addDays(periods, bucket, days(journalId, from, to));
            return periods;
        }
        if (from != null && from.isBefore(wholeFrom)) {
            addDays(periods, bucket, days(journalId, from, wholeFrom.minusDays(1)));
        }
        jdbc.sql("""
                        select start, cast(totals as text) as totals from analytics_period_total
                        where journal_id = :journal and bucket = :bucket
                          and start >= coalesce(cast(:from as date), '-infinity')
                          and start < coalesce(cast(:until as date), 'infinity')""")
                .param("journal", journalId)
                .param("bucket", bucket.name())
                .param("from", wholeFrom == null ? null : Date.valueOf(wholeFrom))
                .param("until", wholeUntil == null ? null : Date.valueOf(wholeUntil))
                .query(rs -> {
                    periods.merge(
                            rs.getDate("start").toLocalDate(),
                            new DayTotals(JSON.readValue(rs.getString("totals"), TOTALS)),
                            DayTotals::plus);
                });
        if (to != null && !to.isBefore(wholeUntil)) {
            addDays(periods, bucket, days(journalId, wholeUntil, to));
        }
        return periods;
    }

    /** Days of a period the range cuts, grouped into it; a day without entries counts nothing, as on the day path. */
    private static void addDays(TreeMap<LocalDate, DayTotals> periods, Bucket bucket, Map<LocalDate, DayTotals> days) {
        days.forEach((day, totals) -> {
            if (totals.get("entries") > 0) {
                periods.merge(bucket.startOf(day), totals, DayTotals::plus);
            }
        });
    }

    /**
     * The runs of consecutive days with at least one entry from {@code from} to {@code to} (null ends are open),
     * oldest first: gaps and islands over the narrow index of days with entries, so the read costs the runs.
     */
    List<StreakCounter.Run> runs(UUID journalId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select min(day) as first, max(day) as last
                        from (select day, day - cast(row_number() over (order by day) as int) as island
                              from analytics_day_total
                              where journal_id = :journal and total = 'entries' and value > 0
                                and day >= coalesce(cast(:from as date), '-infinity')
                                and day <= coalesce(cast(:to as date), 'infinity')) days
                        group by island order by first""")
                .param("journal", journalId)
                .param("from", from == null ? null : Date.valueOf(from))
                .param("to", to == null ? null : Date.valueOf(to))
                .query((rs, row) -> new StreakCounter.Run(
                        rs.getDate("first").toLocalDate(), rs.getDate("last").toLocalDate()))
                .list();
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
        jdbc.sql("delete from analytics_period_total where journal_id = :id")
                .param("id", journalId)
                .update();
    }
}
