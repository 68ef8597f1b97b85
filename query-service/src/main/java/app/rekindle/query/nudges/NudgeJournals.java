package app.rekindle.query.nudges;

import app.rekindle.query.journals.JournalCalendars;
import app.rekindle.query.progress.ProgressQuery;
import app.rekindle.query.timeline.TimelineEntries;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What the nudge rules look at, read from the views: only the entries a nudge can depend on (a window's worth,
 * by index), the six steps and the opening, so a journal's nudges cost the same however long it is.
 */
@Component
class NudgeJournals {

    private final TimelineEntries entries;
    private final ProgressQuery progress;
    private final JournalCalendars calendars;

    NudgeJournals(TimelineEntries entries, ProgressQuery progress, JournalCalendars calendars) {
        this.entries = entries;
        this.progress = progress;
        this.calendars = calendars;
    }

    NudgeRules.Journal at(UUID journalId, Instant now, NudgeProperties limits) {
        return new NudgeRules.Journal(
                calendars.of(journalId).openedAt(),
                entries.forNudges(journalId, now, now.minus(limits.personalTimeWindow())),
                progress.steps(journalId));
    }
}
