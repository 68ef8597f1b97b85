package app.rekindle.query.timeline;

import app.rekindle.events.EntryKind;
import app.rekindle.query.access.ReadGate;
import app.rekindle.query.replay.AsOfVersion;
import app.rekindle.query.web.EntryNotFound;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TimelineController {

    private final TimelineQuery query;
    private final ReadGate gate;
    private final AsOfVersion asOfVersion;

    TimelineController(TimelineQuery query, ReadGate gate, AsOfVersion asOfVersion) {
        this.query = query;
        this.gate = gate;
        this.asOfVersion = asOfVersion;
    }

    @Operation(summary = "My journal's entries, newest first, filtered and keyset-paged")
    @GetMapping("/journals/{journalId}/timeline")
    ResponseEntity<TimelinePage> timeline(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable UUID journalId,
            @RequestParam(required = false) String step,
            @RequestParam(required = false) EntryKind kind,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Boolean includeRetracted,
            @RequestParam(required = false) Long minVersion) {
        // Parameters are checked before waiting, so a bad request never costs the client the wait.
        TimelineFilter filter = TimelineFilter.of(step, kind, from, to, q, includeRetracted, limit, cursor);
        return gate.read(journalId, jwt.getSubject(), minVersion, access -> {
            TimelineQuery.Page page = query.page(journalId, filter, null);
            return new TimelinePage(journalId, access.version(), access.stale(), page.entries(), page.nextCursor());
        });
    }

    /**
     * The timeline as it stood at a past instant, through the same filters and paging. Mapped with
     * {@code params = "asOf"}, so Spring routes here only when the parameter is present; {@code version} in the
     * answer is the journal's version at that instant.
     */
    @GetMapping(path = "/journals/{journalId}/timeline", params = "asOf")
    ResponseEntity<TimelinePage> timelineAsOf(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable UUID journalId,
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
        return gate.read(journalId, jwt.getSubject(), minVersion, access -> {
            long version = asOfVersion.at(journalId, asOf, access.version());
            TimelineQuery.Page page = query.page(journalId, filter, version);
            return new TimelinePage(journalId, version, access.stale(), page.entries(), page.nextCursor());
        });
    }

    /** The entry with its whole amendment history, retracted or not. */
    @Operation(summary = "One entry with its whole amendment history, retracted or not")
    @GetMapping("/journals/{journalId}/entries/{entryId}")
    ResponseEntity<EntryHistory> entry(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable UUID journalId,
            @PathVariable UUID entryId,
            @RequestParam(required = false) Long minVersion) {
        return gate.read(journalId, jwt.getSubject(), minVersion, access -> {
            TimelineEntry entry = query.entry(journalId, entryId).orElseThrow(EntryNotFound::new);
            return new EntryHistory(
                    journalId, access.version(), access.stale(), entry, query.revisions(journalId, entryId));
        });
    }
}
