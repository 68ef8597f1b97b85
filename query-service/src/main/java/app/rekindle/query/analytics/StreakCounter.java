package app.rekindle.query.analytics;

import app.rekindle.query.analytics.JournalAnalytics.Streaks;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** Runs of consecutive days with at least one entry. */
final class StreakCounter {

    /** Consecutive days with entries, {@code first} to {@code last}, both included. */
    record Run(LocalDate first, LocalDate last) {}

    private StreakCounter() {}

    /** The runs the days form, oldest first. */
    static List<Run> runs(Collection<LocalDate> entryDays) {
        List<Run> runs = new ArrayList<>();
        LocalDate first = null;
        LocalDate previous = null;
        for (LocalDate day : new TreeSet<>(entryDays)) {
            if (previous == null || !previous.plusDays(1).equals(day)) {
                if (previous != null) {
                    runs.add(new Run(first, previous));
                }
                first = day;
            }
            previous = day;
        }
        if (previous != null) {
            runs.add(new Run(first, previous));
        }
        return runs;
    }

    /**
     * Days after today (a date planned for next week) are not journaling yet and do not count. The current
     * streak ends on the range's last day (today when open) or the day before: a day not over yet does not
     * break a streak.
     */
    static Streaks count(List<Run> runs, AnalyticsCalculator.Range range) {
        LocalDate today = range.today();
        int longest = 0;
        for (Run run : runs) {
            if (!run.first().isAfter(today)) {
                longest = Math.max(longest, days(run.first(), run.last().isAfter(today) ? today : run.last()));
            }
        }
        LocalDate end = range.to() != null && range.to().isBefore(today) ? range.to() : today;
        if (!contains(runs, end)) {
            end = end.minusDays(1);
        }
        int current = 0;
        for (Run run : runs) {
            if (!run.first().isAfter(end) && !run.last().isBefore(end)) {
                current = days(run.first(), end);
            }
        }
        return new Streaks(current, longest);
    }

    private static boolean contains(List<Run> runs, LocalDate day) {
        return runs.stream()
                .anyMatch(run -> !run.first().isAfter(day) && !run.last().isBefore(day));
    }

    private static int days(LocalDate first, LocalDate last) {
        return (int) ChronoUnit.DAYS.between(first, last) + 1;
    }
}
