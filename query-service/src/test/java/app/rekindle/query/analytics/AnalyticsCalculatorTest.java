package app.rekindle.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.rekindle.query.timeline.TimelineEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AnalyticsCalculatorTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final LocalDate TODAY = LocalDate.parse("2026-03-20");

    @Test
    void weeks_are_counted_in_the_journals_time_zone() {
        // Sunday 23:30 UTC is already Monday in Berlin: the check-in belongs to the next week.
        var lateSunday = checkIn("2026-03-08T23:30:00Z", 2, 3);
        var analytics = compute(List.of(checkIn("2026-03-02T10:00:00Z", 4, 4), lateSunday), null, null, Bucket.WEEK);

        assertThat(analytics.periods())
                .extracting(JournalAnalytics.Period::start)
                .containsExactly(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-09"));
        assertThat(analytics.periods())
                .extracting(JournalAnalytics.Period::checkIns)
                .containsExactly(1, 1);
    }

    @Test
    void the_mood_trend_is_the_least_squares_slope_over_periods_with_check_ins() {
        var analytics = compute(
                List.of(
                        checkIn("2026-01-05T10:00:00Z", 2, 1),
                        checkIn("2026-01-07T10:00:00Z", 3, 1),
                        checkIn("2026-03-02T10:00:00Z", 4, 5)),
                null,
                null,
                Bucket.MONTH);

        // January 2.5, February nothing (skipped, not zero), March 4: slope (4 - 2.5) / 2 periods.
        assertThat(analytics.periods()).hasSize(3);
        assertThat(analytics.mood().slopePerPeriod()).isCloseTo(0.75, within(1e-9));
        assertThat(analytics.mood().average()).isCloseTo(3.0, within(1e-9));
        assertThat(analytics.mood().first()).isEqualTo(2.5);
        assertThat(analytics.mood().last()).isEqualTo(4.0);
        assertThat(analytics.connection().slopePerPeriod()).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void streaks_count_consecutive_days_and_today_does_not_break_the_current_one() {
        var analytics = compute(
                List.of(
                        checkIn("2026-03-01T10:00:00Z", 3, 3),
                        checkIn("2026-03-02T10:00:00Z", 3, 3),
                        checkIn("2026-03-03T10:00:00Z", 3, 3),
                        checkIn("2026-03-18T10:00:00Z", 3, 3),
                        checkIn("2026-03-19T10:00:00Z", 3, 3),
                        checkIn("2026-04-30T10:00:00Z", 3, 3)),
                null,
                null,
                Bucket.WEEK);

        assertThat(analytics.streaks()).isEqualTo(new JournalAnalytics.Streaks(2, 3));
    }

    @Test
    void retracted_entries_and_days_outside_the_range_are_left_out() {
        var kept = checkIn("2026-03-10T10:00:00Z", 5, 5);
        var retracted = new TimelineEntry(
                UUID.randomUUID(),
                "CHECK_IN",
                null,
                Instant.parse("2026-03-11T10:00:00Z"),
                Instant.parse("2026-03-11T10:00:00Z"),
                Map.of("mood", 1, "connection", 1),
                1,
                true,
                null,
                "oops");
        var outside = checkIn("2026-02-27T10:00:00Z", 1, 1);

        var analytics = compute(
                List.of(kept, retracted, outside),
                LocalDate.parse("2026-03-01"),
                LocalDate.parse("2026-03-31"),
                Bucket.MONTH);

        assertThat(analytics.entries()).isEqualTo(1);
        assertThat(analytics.entriesByKind()).containsEntry("CHECK_IN", 1).containsEntry("DATE", 0);
        assertThat(analytics.mood().average()).isEqualTo(5.0);
    }

    private static JournalAnalytics compute(List<TimelineEntry> entries, LocalDate from, LocalDate to, Bucket bucket) {
        return AnalyticsCalculator.compute(
                new AnalyticsCalculator.Header(UUID.randomUUID(), 1, false),
                entries,
                BERLIN,
                new AnalyticsCalculator.Range(from, to, bucket, TODAY));
    }

    private static TimelineEntry checkIn(String at, int mood, int connection) {
        Instant instant = Instant.parse(at);
        return new TimelineEntry(
                UUID.randomUUID(),
                "CHECK_IN",
                null,
                instant,
                instant,
                Map.of("mood", mood, "connection", connection, "note", "n"),
                1,
                false,
                null,
                null);
    }
}
