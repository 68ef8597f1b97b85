package app.rekindle.query.replay;

import app.rekindle.events.EntryKind;
import app.rekindle.query.progress.JournalProgress;
import app.rekindle.query.timeline.TimelineFilter;
import app.rekindle.query.timeline.TimelinePage;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.UUID;

/**
 * The timeline and progress "as of" a past instant. Mapped on the same paths as the live views with
 * {@code params = "asOf"}, so Spring routes here only when the parameter is present and the live views
 * stay untouched. {@code version} in the answer is the journal's version at that instant.
 */
@RestController
class AsOfController {

    private final JournalReplay replay;
    private final WholeJournalReads reads;

    AsOfController(JournalReplay replay, WholeJournalReads reads) {
        this.replay = replay;
        this.reads = reads;
    }

    @GetMapping(path = "/journals/{journalId}/timeline", params = "asOf")
    ResponseEntity<TimelinePage> timeline(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID journalId,
                                          @RequestParam Instant asOf,
                                          @RequestParam(required = false) String step,
                                          @RequestParam(required = false) EntryKind kind,
                                          @RequestParam(required = false) Instant from,
                                          @RequestParam(required = false) Instant to,
                                          @RequestParam(required = false) String q,
                                          @RequestParam(required = false) Integer limit,
                                          @RequestParam(required = false) String cursor,
                                          @RequestParam(required = false) Boolean includeRetracted,
                                          @RequestParam(required = false) Long minVersion) {
        TimelineFilter filter = TimelineFilter.of(step, kind, from, to, q, includeRetracted, limit, cursor);
        return reads.read(journalId, jwt.getSubject(), minVersion, access -> {
            JournalFold then = replay.asOf(journalId, asOf, access.version());
            TimelineAsOf.Page page = TimelineAsOf.page(then.entries(), filter);
            return new TimelinePage(journalId, then.version(), access.stale(), page.entries(), page.nextCursor());
        });
    }

    @GetMapping(path = "/journals/{journalId}/progress", params = "asOf")
    ResponseEntity<JournalProgress> progress(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID journalId,
                                             @RequestParam Instant asOf,
                                             @RequestParam(required = false) Long minVersion) {
        return reads.read(journalId, jwt.getSubject(), minVersion, access -> {
            JournalFold then = replay.asOf(journalId, asOf, access.version());
            return new JournalProgress(journalId, then.version(), access.stale(), then.steps());
        });
    }
}
