package app.rekindle.query.analytics;

import io.swagger.v3.oas.annotations.Operation;
import app.rekindle.query.replay.JournalFold;
import app.rekindle.query.replay.JournalReplay;
import app.rekindle.query.web.InvalidParameter;
import app.rekindle.query.replay.WholeJournalReads;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Analytics are computed on read from the replayed journal rather than kept as counters: amendments move
 * entries between weeks and change their values, and weeks and months depend on the journal's time zone,
 * so counters would need the same fold anyway. Reading the fold keeps the numbers equal to the timeline's.
 */
@RestController
class AnalyticsController {

    private final JournalReplay replay;
    private final WholeJournalReads reads;
    private final Clock clock;

    AnalyticsController(JournalReplay replay, WholeJournalReads reads, Clock clock) {
        this.replay = replay;
        this.reads = reads;
        this.clock = clock;
    }

    /** {@code from} and {@code to} are days in the journal's time zone, both inclusive; either may be left open. */
    @Operation(summary = "Analytics per week or month in the journal's time zone: counts, mood and connection, conversations, togetherness, dates, streaks")
    @GetMapping("/journals/{journalId}/analytics")
    ResponseEntity<JournalAnalytics> analytics(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID journalId,
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
            JournalFold journal = replay.upTo(journalId, access.version());
            LocalDate today = clock.instant().atZone(journal.zone()).toLocalDate();
            var range = new AnalyticsCalculator.Range(from, to, grouping, today);
            return AnalyticsCalculator.compute(
                    new AnalyticsCalculator.Header(journalId, access.version(), access.stale()),
                    journal.entries(), journal.zone(), range);
        });
    }
}
