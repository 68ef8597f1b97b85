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
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/** Pure arithmetic over the entries the timeline shows; no I/O, so it is tested with plain lists. */
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
                throw new InvalidParameter(from == null ? "from" : "to", "max-periods", "from and to may span at most "
                        + MAX_PERIODS + " " + bucket.name().toLowerCase(Locale.ROOT) + "s; name a shorter range"
                        + (bucket == Bucket.WEEK ? " or bucket=MONTH" : ""));
            }
        }
    }

    /** What the controller knows about the read itself. */
    record Header(UUID journalId, long version, boolean stale) {
    }

    private AnalyticsCalculator() {
    }

    static JournalAnalytics compute(Header header, List<TimelineEntry> all, ZoneId zone, Range range) {
        List<Day> days = all.stream().filter(e -> !e.retracted())
                .map(e -> new Day(e.occurredAt().atZone(zone).toLocalDate(), e))
                .filter(d -> range.contains(d.day())).toList();
        List<TimelineEntry> entries = days.stream().map(Day::entry).toList();
        Map<String, Integer> byKind = zeros(EntryKind.values());
        Map<String, Integer> byStep = new LinkedHashMap<>();
        for (Step step : Step.values()) {
            byStep.put(step.slug(), 0);
        }
        entries.forEach(e -> {
            byKind.merge(e.kind(), 1, Integer::sum);
            if (e.step() != null) {
                byStep.merge(e.step(), 1, Integer::sum);
            }
        });
        List<Period> periods = periods(days, range);
        return new JournalAnalytics(header.journalId(), header.version(), header.stale(), zone.getId(), range.from(),
                range.to(), range.bucket(), entries.size(), byKind, byStep, periods,
                trend(of(entries, "CHECK_IN"), "mood", periods.stream().map(Period::moodAverage).toList()),
                trend(of(entries, "CHECK_IN"), "connection", periods.stream().map(Period::connectionAverage).toList()),
                conversations(of(entries, "CONVERSATION")), togetherness(entries), dates(of(entries, "DATE")),
                StreakCounter.count(days.stream().map(Day::day).toList(), range));
    }

    record Day(LocalDate day, TimelineEntry entry) {
    }

    private static List<Period> periods(List<Day> days, Range range) {
        TreeMap<LocalDate, List<TimelineEntry>> grouped = new TreeMap<>();
        days.forEach(d -> grouped.computeIfAbsent(range.bucket().startOf(d.day()), k -> new ArrayList<>()).add(d.entry()));
        LocalDate first = range.from() != null ? range.bucket().startOf(range.from())
                : grouped.isEmpty() ? null : grouped.firstKey();
        LocalDate last = range.to() != null ? range.bucket().startOf(range.to())
                : grouped.isEmpty() ? first : grouped.lastKey();
        range.checkSpan(first, last);
        List<Period> periods = new ArrayList<>();
        for (LocalDate start = first; start != null && last != null && !start.isAfter(last);
             start = range.bucket().next(start)) {
            List<TimelineEntry> in = grouped.getOrDefault(start, List.of());
            List<TimelineEntry> checkIns = of(in, "CHECK_IN");
            periods.add(new Period(start, in.size(), checkIns.size(), average(checkIns, "mood"),
                    average(checkIns, "connection"), of(in, "CONVERSATION").size(), together(in),
                    of(in, "PERSONAL_TIME").stream().mapToInt(e -> number(e, "minutes")).sum()));
        }
        return periods;
    }

    private static Trend trend(List<TimelineEntry> checkIns, String field, List<Double> perPeriod) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < perPeriod.size(); i++) {
            if (perPeriod.get(i) != null) {
                points.add(new double[]{i, perPeriod.get(i)});
            }
        }
        return new Trend(average(checkIns, field), LeastSquares.slope(points),
                points.isEmpty() ? null : points.getFirst()[1], points.isEmpty() ? null : points.getLast()[1]);
    }

    private static Conversations conversations(List<TimelineEntry> talks) {
        Map<String, Integer> outcomes = zeros(ConversationOutcome.values());
        Map<String, Integer> initiators = zeros(Initiator.values());
        talks.forEach(e -> {
            outcomes.merge(text(e, "outcome"), 1, Integer::sum);
            initiators.merge(text(e, "initiatedBy"), 1, Integer::sum);
        });
        return new Conversations(talks.size(), talks.stream().mapToInt(e -> number(e, "minutes")).sum(), outcomes,
                initiators);
    }

    private static Togetherness togetherness(List<TimelineEntry> entries) {
        int activities = of(entries, "ACTIVITY").size();
        int happened = (int) of(entries, "DATE").stream().filter(e -> "HAPPENED".equals(text(e, "status"))).count();
        return new Togetherness(activities, happened, activities + happened, apart(entries, "MINE"),
                apart(entries, "PARTNERS"));
    }

    private static Apart apart(List<TimelineEntry> entries, String whose) {
        List<TimelineEntry> mine = of(entries, "PERSONAL_TIME").stream().filter(e -> whose.equals(text(e, "whose")))
                .toList();
        return new Apart(mine.size(), mine.stream().mapToInt(e -> number(e, "minutes")).sum());
    }

    private static Dates dates(List<TimelineEntry> dates) {
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        dates.forEach(e -> byStatus.merge(text(e, "status"), 1, Integer::sum));
        List<TimelineEntry> rated = dates.stream().filter(e -> e.fields().get("rating") != null).toList();
        return new Dates(dates.size(), byStatus.getOrDefault("HAPPENED", 0), byStatus.getOrDefault("CANCELLED", 0),
                byStatus.getOrDefault("PLANNED", 0), average(rated, "rating"), rated.size());
    }

    private static int together(List<TimelineEntry> in) {
        return of(in, "ACTIVITY").size()
                + (int) of(in, "DATE").stream().filter(e -> "HAPPENED".equals(text(e, "status"))).count();
    }

    static List<TimelineEntry> of(List<TimelineEntry> entries, String kind) {
        return entries.stream().filter(e -> kind.equals(e.kind())).toList();
    }

    static Double average(List<TimelineEntry> entries, String field) {
        return entries.isEmpty() ? null
                : entries.stream().mapToInt(e -> number(e, field)).sum() / (double) entries.size();
    }

    private static int number(TimelineEntry entry, String field) {
        return ((Number) Objects.requireNonNull(entry.fields().get(field), field)).intValue();
    }

    private static String text(TimelineEntry entry, String field) {
        return String.valueOf(entry.fields().get(field));
    }

    private static Map<String, Integer> zeros(Enum<?>[] values) {
        Map<String, Integer> zeros = new LinkedHashMap<>();
        for (Enum<?> value : values) {
            zeros.put(value.name(), 0);
        }
        return zeros;
    }
}
