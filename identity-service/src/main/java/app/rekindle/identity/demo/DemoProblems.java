package app.rekindle.identity.demo;

import app.rekindle.support.web.ProblemWriter;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A demo token request without a usable user name answers 400 problem+json, as the services' bad requests do.
 * Nothing else is handled here: a refused caller gets the provider's own answer to a path that does not exist.
 */
@RestControllerAdvice(assignableTypes = DemoTokenController.class)
class DemoProblems {

    @ExceptionHandler({MethodArgumentNotValidException.class, HttpMessageNotReadableException.class})
    ResponseEntity<Map<String, Object>> badUsername() {
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemWriter.invalid(
                        HttpStatus.BAD_REQUEST,
                        "username",
                        "pattern",
                        "username must be 1 to 64 of the letters A-Z, a-z, digits and . _ @ -"));
    }
}
