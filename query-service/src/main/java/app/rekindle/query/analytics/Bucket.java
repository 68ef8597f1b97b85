package app.rekindle.query.analytics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/** How analytics group days: ISO weeks (Monday first) or calendar months, in the journal's time zone. */
public enum Bucket {
    WEEK,
    MONTH;

    LocalDate startOf(LocalDate day) {
        return this == WEEK ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day.withDayOfMonth(1);
    }

    LocalDate next(LocalDate start) {
        return this == WEEK ? start.plusWeeks(1) : start.plusMonths(1);
    }

    /** How many periods the days from {@code first} to {@code last} touch, both included; counted, not walked. */
    long periods(LocalDate first, LocalDate last) {
        return (this == WEEK ? ChronoUnit.WEEKS : ChronoUnit.MONTHS).between(startOf(first), startOf(last)) + 1;
    }
}
