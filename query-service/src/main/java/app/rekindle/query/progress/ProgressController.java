package app.rekindle.query.progress;

import app.rekindle.query.access.ReadGate;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
class ProgressController {

    private final ProgressQuery query;
    private final ReadGate gate;

    ProgressController(ProgressQuery query, ReadGate gate) {
        this.query = query;
        this.gate = gate;
    }

    @Operation(summary = "The six steps: status, dates and entry counts")
    @GetMapping("/journals/{journalId}/progress")
    ResponseEntity<JournalProgress> progress(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID journalId,
                                             @RequestParam(required = false) Long minVersion) {
        return gate.read(journalId, jwt.getSubject(), minVersion, access ->
                new JournalProgress(journalId, access.version(), access.stale(), query.steps(journalId)));
    }
}
