package app.rekindle.support.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an RFC 9457 problem straight to the servlet response, for the answers given before Spring MVC runs
 * (filters, the security chain, the container's error dispatch), with the security headers, since some of them
 * run before Spring Security's header writer. Details are fixed sentences: nothing the client sent is echoed.
 */
public final class ProblemWriter {

    public static final String BASE = "https://rekindle.app/problems/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemWriter() {}

    public static Map<String, Object> body(HttpStatus status, String type, String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", BASE + type);
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        return body;
    }

    /** A problem naming one field (a parameter, a header) and the rule it broke. */
    public static Map<String, Object> invalid(HttpStatus status, String field, String rule, String message) {
        Map<String, Object> body = body(status, "invalid-request", "The request is not valid", message);
        body.put("errors", List.of(Map.of("field", field, "rule", rule, "message", message)));
        return body;
    }

    public static void write(HttpServletResponse response, HttpStatus status, Map<String, Object> body)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        SecurityHeaders.applyTo(response);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), body);
    }
}
