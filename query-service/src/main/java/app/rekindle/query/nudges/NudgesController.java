package app.rekindle.query.nudges;

import io.swagger.v3.oas.annotations.Operation;
import app.rekindle.query.replay.JournalReplay;
import app.rekindle.query.replay.WholeJournalReads;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

@RestController
class NudgesController {

    record Nudges(UUID journalId, long version, boolean stale, List<Nudge> nudges) {
    }

    private final JournalReplay replay;
    private final WholeJournalReads reads;
    private final NudgeProperties limits;
    private final Clock clock;

    NudgesController(JournalReplay replay, WholeJournalReads reads, NudgeProperties limits, Clock clock) {
        this.replay = replay;
        this.reads = reads;
        this.limits = limits;
        this.clock = clock;
    }

    @Operation(summary = "Gentle prompts derived from the journal")
    @GetMapping("/journals/{journalId}/nudges")
    ResponseEntity<Nudges> nudges(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID journalId,
                                  @RequestParam(required = false) Long minVersion) {
        return reads.read(journalId, jwt.getSubject(), minVersion, access -> new Nudges(journalId, access.version(),
                access.stale(), NudgeRules.at(clock.instant(), replay.upTo(journalId, access.version()), limits)));
    }
}
