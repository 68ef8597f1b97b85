package app.rekindle.query.nudges;

import app.rekindle.query.access.ReadGate;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
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
class NudgesController {

    record Nudges(UUID journalId, long version, boolean stale, List<Nudge> nudges) {}

    private final NudgeJournals journals;
    private final ReadGate gate;
    private final NudgeProperties limits;
    private final Clock clock;

    NudgesController(NudgeJournals journals, ReadGate gate, NudgeProperties limits, Clock clock) {
        this.journals = journals;
        this.gate = gate;
        this.limits = limits;
        this.clock = clock;
    }

    @Operation(summary = "Gentle prompts derived from the journal")
    @GetMapping("/journals/{journalId}/nudges")
    ResponseEntity<Nudges> nudges(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable UUID journalId,
            @RequestParam(required = false) Long minVersion) {
        // Only the entries a nudge can depend on are read, so this is no whole-journal read and takes no turn.
        return gate.read(journalId, jwt.getSubject(), minVersion, access -> {
            Instant now = clock.instant();
            return new Nudges(
                    journalId,
                    access.version(),
                    access.stale(),
                    NudgeRules.at(now, journals.at(journalId, now, limits), limits));
        });
    }
}
