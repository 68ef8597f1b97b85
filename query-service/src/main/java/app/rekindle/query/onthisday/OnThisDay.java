package app.rekindle.query.onthisday;

import app.rekindle.query.timeline.TimelineEntry;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Entries from the same calendar day in earlier months and years, most recent first. */
record OnThisDay(UUID journalId, long version, boolean stale, LocalDate date, List<Ago> groups) {

    /**
     * @param monthsAgo how long ago in months (12, 24, … are whole years)
     * @param label     for people: "1 month ago", "2 years ago"
     * @param day       the day the entries happened, in the journal's time zone
     */
    record Ago(int monthsAgo, String label, LocalDate day, List<TimelineEntry> entries) {}
}
