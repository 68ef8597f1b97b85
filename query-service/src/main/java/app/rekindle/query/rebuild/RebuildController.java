package app.rekindle.query.rebuild;

import app.rekindle.query.web.Problems;
import app.rekindle.support.security.Operators;
import io.swagger.v3.oas.annotations.Operation;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The operator's rebuild command, for the subjects listed in {@code rekindle.admin.subjects} only. */
@RestController
class RebuildController {

    private final Rebuilder rebuilder;
    private final Operators operators;

    RebuildController(Rebuilder rebuilder, Operators operators) {
        this.rebuilder = rebuilder;
        this.operators = operators;
    }

    /** Starts rebuilding the views from offset 0 (202); while one runs, answers its progress instead. */
    @Operation(summary = "Operators: rebuild the views from Kafka offset 0 beside the live ones, then switch")
    @PostMapping("/admin/rebuild")
    ResponseEntity<Object> rebuild(@AuthenticationPrincipal Jwt jwt) {
        return asAdmin(jwt, HttpStatus.ACCEPTED, rebuilder::start);
    }

    @Operation(summary = "Operators: progress of the running or last rebuild")
    @GetMapping("/admin/rebuild")
    ResponseEntity<Object> progress(@AuthenticationPrincipal Jwt jwt) {
        return asAdmin(jwt, HttpStatus.OK, rebuilder::progress);
    }

    private ResponseEntity<Object> asAdmin(Jwt jwt, HttpStatus status, Supplier<RebuildProgress> action) {
        if (!operators.includes(jwt.getSubject())) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.body(
                            Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "You may not do this.")));
        }
        return ResponseEntity.status(status).body(action.get());
    }
}
