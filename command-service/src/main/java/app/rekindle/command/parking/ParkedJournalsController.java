package app.rekindle.command.parking;

import app.rekindle.command.web.Problems;
import app.rekindle.support.security.Operators;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operator's view of journals whose publishing is parked, for {@code rekindle.admin.subjects}. Anyone else gets
 * 403 before anything of the request is looked at, so the parameters and the body are read here, not bound by Spring.
 */
@RestController
@RequestMapping("/admin/parked-journals")
class ParkedJournalsController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_REASON = 500;

    private final ParkedJournalAdmin admin;
    private final Operators operators;

    ParkedJournalsController(ParkedJournalAdmin admin, Operators operators) {
        this.admin = admin;
        this.operators = operators;
    }

    @Operation(
            summary = "Operators: journals whose publishing is parked (Kafka refused an event for good), "
                    + "the longest parked first")
    @GetMapping
    ResponseEntity<Object> list(
            @AuthenticationPrincipal Jwt jwt,
            @Parameter(description = "1 to 100, default 20") @RequestParam(required = false) String limit) {
        if (!operator(jwt)) {
            return forbidden();
        }
        int max;
        try {
            max = limit == null ? 20 : Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            max = 0;
        }
        if (max < 1 || max > 100) {
            return invalid("limit", "range", "limit must be 1 to 100.");
        }
        return ResponseEntity.ok(admin.list(max));
    }

    @Operation(
            summary = "Operators: send the journal's parked events to Kafka again, in order, once the cause is "
                    + "gone; 409 if Kafka still refuses the first")
    @PostMapping("/{journalId}/retry")
    ResponseEntity<Object> retry(@AuthenticationPrincipal Jwt jwt, @PathVariable String journalId) {
        if (!operator(jwt)) {
            return forbidden();
        }
        UUID id = journalId(journalId);
        return id == null
                ? invalid("journalId", "type", "journalId must be a UUID.")
                : ResponseEntity.ok(admin.retry(id, jwt.getSubject()));
    }

    @Operation(
            summary = "Operators: leave the journal's first parked event (named by its sequence) off Kafka for good, "
                    + "with a reason, and send the rest; the query side then marks the journal stale")
    @PostMapping("/{journalId}/skip")
    ResponseEntity<Object> skip(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable String journalId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(implementation = SkipRequest.class)))
                    @RequestBody(required = false)
                    byte[] body) {
        if (!operator(jwt)) {
            return forbidden();
        }
        UUID id = journalId(journalId);
        if (id == null) {
            return invalid("journalId", "type", "journalId must be a UUID.");
        }
        SkipRequest request = request(body);
        if (request == null) {
            return invalid("body", "readable", "The body must be a JSON object with sequence and reason.");
        }
        if (request.sequence() == null || request.sequence() < 0) {
            return invalid("sequence", "required", "sequence is required: the journal's first parked event.");
        }
        if (request.reason() == null || request.reason().isBlank()) {
            return invalid("reason", "required", "reason is required: say why the event may be left out.");
        }
        if (request.reason().length() > MAX_REASON) {
            return invalid("reason", "max-length", "reason must be at most " + MAX_REASON + " characters.");
        }
        return ResponseEntity.ok(admin.skip(id, jwt.getSubject(), request.sequence(), request.reason()));
    }

    @ExceptionHandler(ParkingProblem.class)
    ResponseEntity<Object> problem(ParkingProblem e) {
        return problem(Problems.of(e.status, e.type, e.title, e.getMessage()));
    }

    private boolean operator(Jwt jwt) {
        return jwt != null && operators.includes(jwt.getSubject());
    }

    private static UUID journalId(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The body as a skip request, or null when it is not a JSON object of that shape (a wrong type included). */
    private static SkipRequest request(byte[] body) {
        if (body == null || body.length == 0) {
            return new SkipRequest(null, null);
        }
        try {
            JsonNode tree = JSON.readTree(body);
            if (!tree.isObject()) {
                return null;
            }
            JsonNode sequence = tree.path("sequence");
            JsonNode reason = tree.path("reason");
            if ((!sequence.isMissingNode() && !sequence.isNull() && !sequence.isIntegralNumber())
                    || (!reason.isMissingNode() && !reason.isNull() && !reason.isString())) {
                return null;
            }
            return new SkipRequest(
                    sequence.isIntegralNumber() ? sequence.asLong() : null,
                    reason.isString() ? reason.stringValue() : null);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static ResponseEntity<Object> forbidden() {
        return problem(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "You may not do this."));
    }

    private static ResponseEntity<Object> invalid(String field, String rule, String message) {
        return problem(Problems.invalid(List.of(Problems.error(field, rule, message))));
    }

    private static ResponseEntity<Object> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
