package app.rekindle.query.history;

import app.rekindle.query.access.ReadGate;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
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
class HistoryController {

    private final EventLog log;
    private final ReadGate gate;

    HistoryController(EventLog log, ReadGate gate) {
        this.log = log;
        this.gate = gate;
    }

    /** The journal's events oldest first, keyset-paged by sequence so a page costs the same however deep. */
    @Operation(summary = "The journal's events in order, keyset-paged by sequence, for replaying a period")
    @GetMapping("/journals/{journalId}/history")
    ResponseEntity<HistoryPage> history(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable UUID journalId,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant until,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Long minVersion) {
        HistoryRequest request = HistoryRequest.of(from, until, limit, cursor);
        return gate.read(journalId, jwt.getSubject(), minVersion, access -> {
            // One extra row tells whether another page exists.
            List<LoggedEvent> rows =
                    log.page(journalId, request.from(), request.until(), request.afterSequence(), request.limit() + 1);
            boolean more = rows.size() > request.limit();
            List<LoggedEvent> page = more ? List.copyOf(rows.subList(0, request.limit())) : rows;
            return new HistoryPage(
                    journalId,
                    access.version(),
                    access.stale(),
                    page,
                    more ? HistoryRequest.encode(page.getLast().sequence()) : null);
        });
    }
}
