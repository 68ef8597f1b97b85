package app.rekindle.query.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

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

    /**
     * The body as plain JSON members. Spring fills a missing {@code instance} of a ProblemDetail with the
     * request path; ours leave it out so a 404 or 202 reads the same whichever journal id was asked for.
     */
    public static Map<String, Object> body(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }

    public static ProblemDetail invalid(HttpStatusCode status, String field, String rule, String message) {
        ProblemDetail problem =
                of(status, "invalid-request", "The request is not valid", "Parameter '" + field + "' is not valid.");
        problem.setProperty("errors", List.of(Map.of("field", field, "rule", rule, "message", message)));
        return problem;
    }
}
