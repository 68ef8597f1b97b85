package app.rekindle.command.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The problem types this service answers with; their URIs are part of the API. */
public final class Problems {

    public static final String BASE = "https://rekindle.app/problems/";

    private Problems() {}

    public static ProblemDetail of(HttpStatusCode status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(BASE + type));
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail invalid(List<Map<String, String>> errors) {
        ProblemDetail problem = of(
                HttpStatus.BAD_REQUEST,
                "invalid-request",
                "The request is not valid",
                errors.size() == 1 ? errors.getFirst().get("message") : "Some fields are not valid.");
        problem.setProperty("errors", errors);
        return problem;
    }

    public static Map<String, String> error(String field, String rule, String message) {
        return Map.of("field", field, "rule", rule, "message", message);
    }

    /** For controllers: a 404 for a path segment that names nothing, such as an unknown step slug. */
    public static ErrorResponseException notFound(String type, String title, String detail) {
        return new ErrorResponseException(HttpStatus.NOT_FOUND, of(HttpStatus.NOT_FOUND, type, title, detail), null);
    }
}
