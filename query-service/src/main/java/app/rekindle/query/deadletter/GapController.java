package app.rekindle.query.deadletter;

import app.rekindle.query.web.Problems;
import app.rekindle.support.security.Operators;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operator's acceptance of a journal's missing events, for {@code rekindle.admin.subjects}: the events
 * waiting for them ({@code WAITING_FOR_GAP}) are applied and the journal stays stale. For a gap nothing will fill,
 * e.g. an event the command side's publisher could never publish and an operator skipped there.
 */
@RestController
@RequestMapping("/admin/journal-gaps")
class GapController {

    private static final int MAX_REASON = 500;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DeadLetterAdmin admin;
    private final Operators operators;

    GapController(DeadLetterAdmin admin, Operators operators) {
        this.admin = admin;
        this.operators = operators;
    }

    @Operation(
            summary = "Operators: accept that the journal's missing events (from..to, exactly those its first "
                    + "waiting event waits for) will never come, with a reason; what waited is applied in order and the "
                    + "journal stays marked stale")
    @ApiResponse(
            responseCode = "200",
            description = "Accepted; where the journal stands now",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = AcceptedGapView.class)))
    @PostMapping("/{journalId}/accept")
    ResponseEntity<Object> accept(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable String journalId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(implementation = AcceptGapRequest.class)))
                    @RequestBody(required = false)
                    byte[] body) {
        // Path and body are read here, after the check: anyone else learns nothing, not even whether they were valid.
        if (jwt == null || !operators.includes(jwt.getSubject())) {
            return DeadLetterController.forbidden();
        }
        UUID id = journalId(journalId);
        if (id == null) {
            return invalid("journalId", "type", "must be a UUID");
        }
        AcceptGapRequest request = request(body);
        if (request == null) {
            return invalid("body", "readable", "must be a JSON object with from, to and reason");
        }
        if (request.from() == null || request.from() < 0) {
            return invalid("from", "required", "the first missing sequence, 0 or more");
        }
        if (request.to() == null || request.to() < request.from()) {
            return invalid("to", "range", "the last missing sequence, not before from");
        }
        if (request.reason() == null || request.reason().isBlank()) {
            return invalid("reason", "required", "say why the events may be missing for good");
        }
        if (request.reason().length() > MAX_REASON) {
            return invalid("reason", "max-length", "at most " + MAX_REASON + " characters");
        }
        return ResponseEntity.ok(admin.acceptGap(id, request.from(), request.to(), request.reason(), jwt.getSubject()));
    }

    @ExceptionHandler(DeadLetterProblem.class)
    ResponseEntity<Object> problem(DeadLetterProblem e) {
        return DeadLetterController.problem(Problems.of(e.status, e.type, e.title, e.getMessage()));
    }

    private static ResponseEntity<Object> invalid(String field, String rule, String message) {
        return DeadLetterController.problem(Problems.invalid(HttpStatus.BAD_REQUEST, field, rule, message));
    }

    private static UUID journalId(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The body as a request, or null when it is not a JSON object of that shape (a wrong type included). */
    private static AcceptGapRequest request(byte[] body) {
        if (body == null || body.length == 0) {
            return new AcceptGapRequest(null, null, null);
        }
        try {
            JsonNode tree = JSON.readTree(body);
            if (!tree.isObject()) {
                return null;
            }
            JsonNode from = tree.path("from");
            JsonNode to = tree.path("to");
            JsonNode reason = tree.path("reason");
            if (!absentOr(from, from.isIntegralNumber())
                    || !absentOr(to, to.isIntegralNumber())
                    || !absentOr(reason, reason.isString())) {
                return null;
            }
            return new AcceptGapRequest(
                    from.isIntegralNumber() ? from.asLong() : null,
                    to.isIntegralNumber() ? to.asLong() : null,
                    reason.isString() ? reason.stringValue() : null);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static boolean absentOr(JsonNode node, boolean wellTyped) {
        return node.isMissingNode() || node.isNull() || wellTyped;
    }
}
