package app.rekindle.query.analytics;

import app.rekindle.query.analytics.JournalAnalytics.Streaks;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;

/** Runs of consecutive days with at least one entry. */
final class StreakCounter {

    private StreakCounter() {}

    /**
     * Days after today (a date planned for next week) are not journaling yet and do not count. The current
     * streak ends on the range's last day (today when open) or the day before: a day not over yet does not
     * break a streak.
     */
    static Streaks count(List<LocalDate> entryDays, AnalyticsCalculator.Range range) {
        TreeSet<LocalDate> days = new TreeSet<>(entryDays);
        days.removeIf(day -> day.isAfter(range.today()));
        int longest = 0;
        int run = 0;
        LocalDate previous = null;
        for (LocalDate day : days) {
            run = previous != null && previous.plusDays(1).equals(day) ? run + 1 : 1;
            longest = Math.max(longest, run);
            previous = day;
        }
        LocalDate end = range.to() != null && range.to().isBefore(range.today()) ? range.to() : range.today();
        if (!days.contains(end)) {
            end = end.minusDays(1);
        }
        int current = 0;
        for (LocalDate day = end; days.contains(day); day = day.minusDays(1)) {
            current++;
        }
        return new Streaks(current, longest);
    }
}
