package app.rekindle.query.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A journal's numbers over a range of days in its own time zone. Retracted entries are left out and
 * amended values used, exactly as the timeline shows them; averages are null where nothing was logged.
 */
record JournalAnalytics(
        UUID journalId,
        long version,
        boolean stale,
        String timezone,
        LocalDate from,
        LocalDate to,
        Bucket bucket,
        int entries,
        Map<String, Integer> entriesByKind,
        Map<String, Integer> entriesByStep,
        List<Period> periods,
        Trend mood,
        Trend connection,
        Conversations conversations,
        Togetherness togetherness,
        Dates dates,
        Streaks streaks) {

    /** One week or month; {@code start} is its first day. */
    record Period(
            LocalDate start,
            int entries,
            int checkIns,
            Double moodAverage,
            Double connectionAverage,
            int conversations,
            int together,
            int personalTimeMinutes) {}

    /**
     * @param average        over every check-in in the range
     * @param slopePerPeriod least-squares slope of the periods' averages against their position (periods
     *                       without check-ins are skipped, not counted as zero); null with fewer than two
     */
    record Trend(Double average, Double slopePerPeriod, Double first, Double last) {}

    record Conversations(int count, int minutes, Map<String, Integer> outcomes, Map<String, Integer> initiatedBy) {}

    /** Step 6's balance: time together (shared activities, dates that happened) against time apart. */
    record Togetherness(int sharedActivities, int datesHappened, int together, Apart mine, Apart partners) {}

    record Apart(int count, int minutes) {}

    record Dates(int planned, int happened, int cancelled, int open, Double ratingAverage, int ratingCount) {}

    /** Days with at least one entry, counted on the day it happened; the current streak may end yesterday. */
    record Streaks(int current, int longest) {}
}
