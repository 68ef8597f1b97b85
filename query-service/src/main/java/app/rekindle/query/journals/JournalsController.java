package app.rekindle.query.journals;

import app.rekindle.query.access.JournalNotFound;
import app.rekindle.query.access.ReadGate;
import app.rekindle.query.web.InvalidParameter;
import io.swagger.v3.oas.annotations.Operation;
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
class JournalsController {

    record MyJournals(List<JournalSummary> journals) {}

    private final JournalsQuery query;
    private final ReadGate gate;

    JournalsController(JournalsQuery query, ReadGate gate) {
        this.query = query;
        this.gate = gate;
    }

    /**
     * My journals. A list has no single version, so read-your-writes names the journal just written:
     * {@code journalId} + {@code minVersion} waits until that journal has reached the version.
     */
    @Operation(summary = "My journals with their status and progress")
    @GetMapping("/journals")
    ResponseEntity<MyJournals> mine(
            @AuthenticationPrincipal Jwt jwt,
            @RequestParam(required = false) UUID journalId,
            @RequestParam(required = false) Long minVersion) {
        if (minVersion != null) {
            if (journalId == null) {
                throw new InvalidParameter("journalId", "required", "is required with minVersion");
            }
            gate.awaitVersion(journalId, jwt.getSubject(), ReadGate.checkedMinVersion(minVersion));
        }
        List<JournalSummary> journals = query.ownedBy(jwt.getSubject());
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (journals.stream().anyMatch(JournalSummary::stale)) {
            ok.header(ReadGate.STALE_HEADER, "true");
        }
        return ok.body(new MyJournals(journals));
    }

    @Operation(summary = "One of my journals with its status and progress")
    @GetMapping("/journals/{journalId}")
    ResponseEntity<JournalSummary> one(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable UUID journalId,
            @RequestParam(required = false) Long minVersion) {
        return gate.read(journalId, jwt.getSubject(), minVersion, access -> query.one(jwt.getSubject(), journalId)
                .orElseThrow(JournalNotFound::new));
    }
}
