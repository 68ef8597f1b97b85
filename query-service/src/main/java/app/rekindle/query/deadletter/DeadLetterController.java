package app.rekindle.query.deadletter;

import app.rekindle.query.web.Problems;
import app.rekindle.support.security.Operators;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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

/** The operator's view of events the projection parked or holds back, for {@code rekindle.admin.subjects}. */
@RestController
@RequestMapping("/admin/dead-letters")
class DeadLetterController {

    private static final Set<String> STATUSES =
            Set.of("PARKED", "WAITING_BEHIND", "WAITING_FOR_GAP", "APPLIED", "DUPLICATE", "SKIPPED");

    private final DeadLetterAdmin admin;
    private final Operators operators;

    DeadLetterController(DeadLetterAdmin admin, Operators operators) {
        this.admin = admin;
        this.operators = operators;
    }

    @Operation(summary = "Operators: events parked (could not be read or applied) or waiting, newest first")
    @GetMapping
    ResponseEntity<Object> list(
            @AuthenticationPrincipal Jwt jwt,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "20") int limit) {
        if (!admin(jwt)) {
            return forbidden();
        }
        if (status != null && !STATUSES.contains(status)) {
            return problem(Problems.invalid(HttpStatus.BAD_REQUEST, "status", "enum", "must be one of " + STATUSES));
        }
        if (limit < 1 || limit > 100) {
            return problem(Problems.invalid(HttpStatus.BAD_REQUEST, "limit", "range", "must be 1 to 100"));
        }
        return asAdmin(jwt, () -> admin.list(status, limit));
    }

    @Operation(summary = "Operators: apply a parked event again, then the events of its journal waiting behind it")
    @PostMapping("/{id}/retry")
    ResponseEntity<Object> retry(@AuthenticationPrincipal Jwt jwt, @PathVariable long id) {
        return asAdmin(jwt, () -> admin.retry(id));
    }

    @Operation(
            summary = "Operators: leave a parked event out of the views for good, with a reason; "
                    + "its journal moves past it and stays marked stale")
    @PostMapping("/{id}/skip")
    ResponseEntity<Object> skip(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable long id,
            @RequestBody(required = false) SkipRequest request) {
        if (!admin(jwt)) {
            return forbidden();
        }
        if (request == null || request.reason() == null || request.reason().isBlank()) {
            return problem(Problems.invalid(
                    HttpStatus.BAD_REQUEST, "reason", "required", "say why the event may be left out"));
        }
        if (request.reason().length() > 500) {
            return problem(Problems.invalid(HttpStatus.BAD_REQUEST, "reason", "max-length", "at most 500 characters"));
        }
        return asAdmin(jwt, () -> admin.skip(id, request.reason(), jwt.getSubject()));
    }

    @ExceptionHandler(DeadLetterProblem.class)
    ResponseEntity<Object> problem(DeadLetterProblem e) {
        return problem(Problems.of(e.status, e.type, e.title, e.getMessage()));
    }

    /** Operators only; anyone else learns nothing of the request, not even whether it was valid. */
    private ResponseEntity<Object> asAdmin(Jwt jwt, Supplier<Object> action) {
        return admin(jwt) ? ResponseEntity.ok(action.get()) : forbidden();
    }

    private boolean admin(Jwt jwt) {
        return operators.includes(jwt.getSubject());
    }

    static ResponseEntity<Object> forbidden() {
        return problem(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "You may not do this."));
    }

    static ResponseEntity<Object> problem(org.springframework.http.ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.body(problem));
    }
}
