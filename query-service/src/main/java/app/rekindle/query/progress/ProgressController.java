package app.rekindle.query.progress;

import app.rekindle.query.access.ReadGate;
import app.rekindle.query.replay.AsOfVersion;
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
class ProgressController {

    private final ProgressQuery query;
    private final ReadGate gate;
    private final AsOfVersion asOfVersion;

    ProgressController(ProgressQuery query, ReadGate gate, AsOfVersion asOfVersion) {
        this.query = query;
        this.gate = gate;
        this.asOfVersion = asOfVersion;
    }

    @Operation(summary = "The six steps: status, dates and entry counts")
    @GetMapping("/journals/{journalId}/progress")
    ResponseEntity<JournalProgress> progress(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable UUID journalId,
            @RequestParam(required = false) Long minVersion) {
        return gate.read(
                journalId,
                jwt.getSubject(),
                minVersion,
                access -> new JournalProgress(journalId, access.version(), access.stale(), query.steps(journalId)));
    }

    /** The steps as they stood at a past instant; {@code version} in the answer is the journal's version then. */
    @GetMapping(path = "/journals/{journalId}/progress", params = "asOf")
    ResponseEntity<JournalProgress> progressAsOf(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable UUID journalId,
            @RequestParam Instant asOf,
            @RequestParam(required = false) Long minVersion) {
        return gate.read(journalId, jwt.getSubject(), minVersion, access -> {
            long version = asOfVersion.at(journalId, asOf, access.version());
            return new JournalProgress(journalId, version, access.stale(), query.steps(journalId, version));
        });
    }
}
