package app.rekindle.query.analytics;

import app.rekindle.query.journals.JournalCalendars;
import app.rekindle.query.replay.WholeJournalReads;
import app.rekindle.query.web.InvalidParameter;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Analytics add up the week or month totals the projection keeps per journal ({@link AnalyticsDays}), and the
 * day totals of a period the range cuts, so a read costs the periods of its range, not its days or entries;
 * streaks come from the runs of days with entries. Averages, trends and streaks are computed on read, since
 * they depend on the range asked for. An open range still answers one period per week or month of the
 * journal's whole span, so it keeps its turn among the whole-journal reads.
 */
@RestController
class AnalyticsController {

    private final AnalyticsDays days;
    private final JournalCalendars calendars;
    private final WholeJournalReads reads;
    private final Clock clock;

    AnalyticsController(AnalyticsDays days, JournalCalendars calendars, WholeJournalReads reads, Clock clock) {
        this.days = days;
        this.calendars = calendars;
        this.reads = reads;
        this.clock = clock;
    }

    /** {@code from} and {@code to} are days in the journal's time zone, both inclusive; either may be left open. */
    @Operation(
            summary =
                    "Analytics per week or month in the journal's time zone: counts, mood and connection, conversations, togetherness, dates, streaks")
    @GetMapping("/journals/{journalId}/analytics")
    ResponseEntity<JournalAnalytics> analytics(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable UUID journalId,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) Bucket bucket,
            @RequestParam(required = false) Long minVersion) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidParameter("to", "not-before-from", "must not be earlier than from");
        }
        Bucket grouping = bucket == null ? Bucket.WEEK : bucket;
        // A range too long is refused before the wait and the replay; an open one is checked once the journal's
        // first and last days are known.
        new AnalyticsCalculator.Range(from, to, grouping, null).checkSpan(from, to);
        return reads.read(journalId, jwt.getSubject(), minVersion, access -> {
            ZoneId zone = calendars.of(journalId).zone();
            LocalDate today = clock.instant().atZone(zone).toLocalDate();
            var range = new AnalyticsCalculator.Range(from, to, grouping, today);
            return AnalyticsCalculator.ofPeriods(
                    new AnalyticsCalculator.Header(journalId, access.version(), access.stale()),
                    days.periods(journalId, range),
                    days.runs(journalId, from, to),
                    zone,
                    range);
        });
    }
}
