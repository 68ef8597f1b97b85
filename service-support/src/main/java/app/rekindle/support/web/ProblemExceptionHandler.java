package app.rekindle.support.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * What both services' exception handlers share: every problem Spring MVC raises itself (405, 406, 415 …)
 * gets a stable type URI instead of {@code about:blank}, a body that is not JSON names the header, and a body
 * that cannot be read ({@link app.rekindle.support.json.StrictJson}) names the field.
 */
public abstract class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

    private static final URI BLANK = URI.create("about:blank");

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            HttpMediaTypeNotSupportedException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Map<String, Object> body = RequestLimits.notJson();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, (String) body.get("detail"));
        problem.setType(URI.create((String) body.get("type")));
        problem.setTitle((String) body.get("title"));
        problem.setProperty("errors", body.get("errors"));
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    /**
     * Malformed JSON, a value of the wrong type, an unknown enum value or an unknown property: 400 naming the
     * field by its path ({@code mood}, {@code events[3].type}), rule {@code readable}; the value is not echoed.
     */
    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (NestedExceptionUtils.getRootCause(ex) instanceof BodyTooLarge tooLarge) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, RequestLimits.tooLarge(tooLarge.limit()));
        }
        String field = ex.getCause() instanceof JacksonException jackson
                        && !jackson.getPath().isEmpty()
                ? jackson.getPath().stream()
                        .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                        .collect(Collectors.joining("."))
                        .replace(".[", "[")
                : "body";
        String message = field.equals("body")
                ? "The body is not valid JSON for this request."
                : field + " is not allowed here or has the wrong type.";
        return problem(
                HttpStatus.BAD_REQUEST, ProblemWriter.invalid(HttpStatus.BAD_REQUEST, field, "readable", message));
    }

    private static ResponseEntity<Object> problem(HttpStatus status, Map<String, Object> body) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem && (problem.getType() == null || BLANK.equals(problem.getType()))) {
            HttpStatus status = HttpStatus.resolve(statusCode.value());
            String slug = status == null ? "error" : status.name().toLowerCase().replace('_', '-');
            problem.setType(URI.create(ProblemWriter.BASE + slug));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    /** One field error, as the {@code errors} member lists them. */
    public static List<Map<String, String>> fieldError(String field, String rule, String message) {
        return List.of(Map.of("field", field, "rule", rule, "message", message));
    }
}
