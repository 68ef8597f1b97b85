package app.rekindle.query.analytics;

import app.rekindle.events.ConversationOutcome;
import app.rekindle.events.EntryKind;
import app.rekindle.events.Initiator;
import app.rekindle.events.Step;
import app.rekindle.query.analytics.JournalAnalytics.*;
import app.rekindle.query.timeline.TimelineEntry;
import app.rekindle.query.web.InvalidParameter;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/** Pure arithmetic over the entries the timeline shows, added up per day; no I/O, so it is tested with plain lists. */
final class AnalyticsCalculator {

    /**
     * The most periods one answer holds: 2,000 weeks is 38 years, 2,000 months 166 — more than a journal can
     * span inside the windows of {@code ValueWindows} (1900 to ten years ahead), so an open range in months
     * always fits. Each period is about 200 bytes of JSON, so an answer stays under half a megabyte.
     */
    static final int MAX_PERIODS = 2_000;

    /** The question asked: a range of days (null ends are open), the grouping and today's date there. */
    record Range(LocalDate from, LocalDate to, Bucket bucket, LocalDate today) {
        boolean contains(LocalDate day) {
            return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
        }

        /**
         * Refuses a span of more than {@link #MAX_PERIODS} periods before anything is computed. The parameter
         * named is the open end when there is one (naming it would narrow the span), else {@code to}.
         */
        void checkSpan(LocalDate first, LocalDate last) {
            if (first != null && last != null && !last.isBefore(first) && bucket.periods(first, last) > MAX_PERIODS) {
                throw new InvalidParameter(
                        from == null ? "from" : "to",
                        "max-periods",
                        "from and to may span at most "
                                + MAX_PERIODS + " " + bucket.name().toLowerCase(Locale.ROOT) + "s; name a shorter range"
                                + (bucket == Bucket.WEEK ? " or bucket=MONTH" : ""));
            }
        }
    }

    /** What the controller knows about the read itself. */
    record Header(UUID journalId, long version, boolean stale) {}

    private AnalyticsCalculator() {}

    /** The numbers of a list of entries: added up per day by {@link DayTotals#of}, then as the days are. */
    static JournalAnalytics compute(Header header, List<TimelineEntry> all, ZoneId zone, Range range) {
        TreeMap<LocalDate, DayTotals> days = new TreeMap<>();
        all.forEach(e -> days.merge(e.occurredAt().atZone(zone).toLocalDate(), DayTotals.of(e), DayTotals::plus));
        return compute(header, days, zone, range);
    }

    /** The numbers of a journal's days (in its zone), each with what its entries add up to. */
    static JournalAnalytics compute(Header header, SortedMap<LocalDate, DayTotals> all, ZoneId zone, Range range) {
        TreeMap<LocalDate, DayTotals> days = new TreeMap<>();
        all.forEach((day, totals) -> {
            if (totals.get("entries") > 0 && range.contains(day)) {
                days.put(day, totals);
            }
        });
        TreeMap<LocalDate, DayTotals> periods = new TreeMap<>();
        days.forEach((day, totals) -> periods.merge(range.bucket().startOf(day), totals, DayTotals::plus));
        return ofPeriods(header, periods, StreakCounter.runs(days.keySet()), zone, range);
    }

    /**
     * The numbers of a journal's periods (weeks or months of its zone, by start), each with what the days of
     * the range in it add up to, and of its runs of days with entries in the range. Every number but the
     * streaks is a sum over the range's days, so adding up periods answers exactly as adding up days.
     */
    static JournalAnalytics ofPeriods(
            Header header,
            SortedMap<LocalDate, DayTotals> inRange,
            List<StreakCounter.Run> runs,
            ZoneId zone,
            Range range) {
        TreeMap<LocalDate, DayTotals> grouped = new TreeMap<>();
        inRange.forEach((start, totals) -> {
            if (totals.get("entries") > 0) {
                grouped.put(start, totals);
            }
        });
        DayTotals sum = grouped.values().stream().reduce(DayTotals.NONE, DayTotals::plus);
        Map<String, Integer> byKind = counts(sum, "kind:", EntryKind.values());
        Map<String, Integer> byStep = new LinkedHashMap<>();
        for (Step step : Step.values()) {
            byStep.put(step.slug(), (int) sum.get("step:" + step.slug()));
        }
        List<Period> periods = periods(grouped, range);
        return new JournalAnalytics(
                header.journalId(),
                header.version(),
                header.stale(),
                zone.getId(),
                range.from(),
                range.to(),
                range.bucket(),
                (int) sum.get("entries"),
                byKind,
                byStep,
                periods,
                trend(sum, "mood", periods.stream().map(Period::moodAverage).toList()),
                trend(
                        sum,
                        "connection",
                        periods.stream().map(Period::connectionAverage).toList()),
                new Conversations(
                        (int) sum.get("kind:CONVERSATION"),
                        (int) sum.get("conversationMinutes"),
                        counts(sum, "outcome:", ConversationOutcome.values()),
                        counts(sum, "initiatedBy:", Initiator.values())),
                new Togetherness(
                        (int) sum.get("kind:ACTIVITY"),
                        (int) sum.get("date:HAPPENED"),
                        together(sum),
                        apart(sum, "MINE"),
                        apart(sum, "PARTNERS")),
                new Dates(
                        (int) sum.get("kind:DATE"),
                        (int) sum.get("date:HAPPENED"),
                        (int) sum.get("date:CANCELLED"),
                        (int) sum.get("date:PLANNED"),
                        average(sum.get("rating"), sum.get("rated")),
                        (int) sum.get("rated")),
                StreakCounter.count(runs, range));
    }

    private static List<Period> periods(TreeMap<LocalDate, DayTotals> grouped, Range range) {
        LocalDate first = range.from() != null
                ? range.bucket().startOf(range.from())
                : grouped.isEmpty() ? null : grouped.firstKey();
        LocalDate last =
                range.to() != null ? range.bucket().startOf(range.to()) : grouped.isEmpty() ? first : grouped.lastKey();
        range.checkSpan(first, last);
        List<Period> periods = new ArrayList<>();
        for (LocalDate start = first;
                start != null && last != null && !start.isAfter(last);
                start = range.bucket().next(start)) {
            DayTotals in = grouped.getOrDefault(start, DayTotals.NONE);
            long checkIns = in.get("kind:CHECK_IN");
            periods.add(new Period(
                    start,
                    (int) in.get("entries"),
                    (int) checkIns,
                    average(in.get("mood"), checkIns),
                    average(in.get("connection"), checkIns),
                    (int) in.get("kind:CONVERSATION"),
                    together(in),
                    (int) in.get("personalTimeMinutes")));
        }
        return periods;
    }

    private static Trend trend(DayTotals sum, String field, List<Double> perPeriod) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < perPeriod.size(); i++) {
            if (perPeriod.get(i) != null) {
                points.add(new double[] {i, perPeriod.get(i)});
            }
        }
        return new Trend(
                average(sum.get(field), sum.get("kind:CHECK_IN")),
                LeastSquares.slope(points),
                points.isEmpty() ? null : points.getFirst()[1],
                points.isEmpty() ? null : points.getLast()[1]);
    }

    /** Step 6's time together: shared activities and dates that happened. */
    private static int together(DayTotals totals) {
        return (int) (totals.get("kind:ACTIVITY") + totals.get("date:HAPPENED"));
    }

    private static Apart apart(DayTotals sum, String whose) {
        return new Apart((int) sum.get("apart:" + whose), (int) sum.get("apartMinutes:" + whose));
    }

    private static Double average(long sum, long count) {
        return count == 0 ? null : sum / (double) count;
    }

    private static Map<String, Integer> counts(DayTotals sum, String prefix, Enum<?>[] values) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Enum<?> value : values) {
            counts.put(value.name(), (int) sum.get(prefix + value.name()));
        }
        return counts;
    }
}
