package app.rekindle.query.onthisday;

import app.rekindle.query.timeline.TimelineEntry;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One page of the entries from the same calendar day in earlier months and years, most recent first. A day's
 * entries may go on over the next page, whose first group then names the same day again.
 *
 * @param nextCursor pass as {@code cursor} for the next (older) page; null on the last page
 */
record OnThisDay(UUID journalId, long version, boolean stale, LocalDate date, List<Ago> groups, String nextCursor) {

    /**
     * @param monthsAgo how long ago in months (12, 24, … are whole years)
     * @param label     for people: "1 month ago", "2 years ago"
     * @param day       the day the entries happened, in the journal's time zone
     */
    record Ago(int monthsAgo, String label, LocalDate day, List<TimelineEntry> entries) {}
}
