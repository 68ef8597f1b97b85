package app.rekindle.query.onthisday;

import app.rekindle.query.onthisday.OnThisDay.Ago;
import app.rekindle.query.timeline.TimelineEntry;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Finds the entries that happened on the same day of the month as a given date, in earlier months. A day
 * that some months lack (the 31st) simply has no match in them: "on this day" is not moved to another day.
 */
final class EarlierDays {

    private static final Comparator<TimelineEntry> NEWEST_FIRST = Comparator.comparing(TimelineEntry::occurredAt)
            .thenComparing(entry -> entry.entryId().toString())
            .reversed();

    private EarlierDays() {}

    static List<Ago> of(List<TimelineEntry> entries, ZoneId zone, LocalDate date) {
        Map<LocalDate, List<TimelineEntry>> byDay = entries.stream()
                .filter(e -> !e.retracted())
                .collect(Collectors.groupingBy(
                        e -> e.occurredAt().atZone(zone).toLocalDate(), TreeMap::new, Collectors.toList()));
        return byDay.entrySet().stream()
                .filter(day -> day.getKey().getDayOfMonth() == date.getDayOfMonth()
                        && day.getKey().isBefore(date))
                .sorted(Map.Entry.<LocalDate, List<TimelineEntry>>comparingByKey()
                        .reversed())
                .map(day -> ago(day.getKey(), date, day.getValue()))
                .toList();
    }

    private static Ago ago(LocalDate day, LocalDate date, List<TimelineEntry> entries) {
        int months = (int) ChronoUnit.MONTHS.between(day, date);
        return new Ago(
                months,
                label(months),
                day,
                entries.stream().sorted(NEWEST_FIRST).toList());
    }

    static String label(int months) {
        if (months % 12 == 0) {
            int years = months / 12;
            return years == 1 ? "1 year ago" : years + " years ago";
        }
        return months == 1 ? "1 month ago" : months + " months ago";
    }
}
