package app.rekindle.support.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * What both services' exception handlers share: every problem Spring MVC raises itself (405, 406, 415 …)
 * gets a stable type URI instead of {@code about:blank}, and a body that is not JSON names the header.
 */
public abstract class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

    private static final URI BLANK = URI.create("about:blank");

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Map<String, Object> body = RequestLimits.notJson();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, (String) body.get("detail"));
        problem.setType(URI.create((String) body.get("type")));
        problem.setTitle((String) body.get("title"));
        problem.setProperty("errors", body.get("errors"));
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
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
