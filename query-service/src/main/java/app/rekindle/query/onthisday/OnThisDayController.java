package app.rekindle.query.onthisday;

import app.rekindle.query.access.ReadGate;
import app.rekindle.query.journals.JournalCalendars;
import app.rekindle.query.onthisday.EntryDays.EntryKey;
import app.rekindle.query.timeline.TimelineEntries;
import app.rekindle.query.timeline.TimelinePaging;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class OnThisDayController {

    private final EntryDays days;
    private final TimelineEntries entries;
    private final JournalCalendars calendars;
    private final ReadGate gate;
    private final Clock clock;

    OnThisDayController(
            EntryDays days, TimelineEntries entries, JournalCalendars calendars, ReadGate gate, Clock clock) {
        this.days = days;
        this.entries = entries;
        this.calendars = calendars;
        this.gate = gate;
        this.clock = clock;
    }

    /**
     * {@code date} is a day in the journal's time zone; left out, it is today there. Paged like the timeline
     * ({@code limit}, {@code cursor}), newest first.
     */
    @Operation(summary = "Entries from the same calendar day in earlier months and years, newest first, keyset-paged")
    @GetMapping("/journals/{journalId}/on-this-day")
    ResponseEntity<OnThisDay> onThisDay(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable UUID journalId,
            @RequestParam(required = false) LocalDate date,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Long minVersion) {
        // Paging is checked before waiting, so a bad request never costs the client the wait.
        TimelinePaging paging = TimelinePaging.of(limit, cursor);
        // One page of the matching days' entries is read (one index range): no whole-journal read, no turn.
        return gate.read(journalId, jwt.getSubject(), minVersion, access -> {
            ZoneId zone = calendars.of(journalId).zone();
            LocalDate day = date != null ? date : clock.instant().atZone(zone).toLocalDate();
            List<EntryKey> keys = days.earlier(journalId, zone, day, paging);
            List<EntryKey> page = keys.subList(0, Math.min(keys.size(), paging.limit()));
            String next = keys.size() > paging.limit() ? page.getLast().cursor().encode() : null;
            List<UUID> ids = page.stream().map(EntryKey::entryId).toList();
            return new OnThisDay(
                    journalId,
                    access.version(),
                    access.stale(),
                    day,
                    EarlierDays.of(entries.some(journalId, ids), zone, day),
                    next);
        });
    }
}
