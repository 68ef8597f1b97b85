package app.rekindle.query.onthisday;

import app.rekindle.query.onthisday.OnThisDay.Ago;
import app.rekindle.query.timeline.TimelineEntry;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups a page of on-this-day's entries by the day they happened, most recent day first, each day's entries
 * newest first. Which entries match (same day of the month, earlier, not retracted) is decided by the query in
 * {@link EntryDays}; a day that some months lack (the 31st) simply has no match in them.
 */
final class EarlierDays {

    /** The page's order: {@link EntryDays#earlier}'s {@code occurred_at desc, entry_id desc}. */
    private static final Comparator<TimelineEntry> NEWEST_FIRST = Comparator.comparing(TimelineEntry::occurredAt)
            .thenComparing(entry -> entry.entryId().toString())
            .reversed();

    private EarlierDays() {}

    static List<Ago> of(List<TimelineEntry> page, ZoneId zone, LocalDate date) {
        Map<LocalDate, List<TimelineEntry>> byDay = new LinkedHashMap<>();
        page.stream().sorted(NEWEST_FIRST).forEach(e -> byDay.computeIfAbsent(
                        e.occurredAt().atZone(zone).toLocalDate(), day -> new ArrayList<>())
                .add(e));
        return byDay.entrySet().stream()
                .map(day -> ago(day.getKey(), date, day.getValue()))
                .toList();
    }

    private static Ago ago(LocalDate day, LocalDate date, List<TimelineEntry> entries) {
        int months = (int) ChronoUnit.MONTHS.between(day, date);
        return new Ago(months, label(months), day, List.copyOf(entries));
    }

    static String label(int months) {
        if (months % 12 == 0) {
            int years = months / 12;
            return years == 1 ? "1 year ago" : years + " years ago";
        }
        return months == 1 ? "1 month ago" : months + " months ago";
    }
}
