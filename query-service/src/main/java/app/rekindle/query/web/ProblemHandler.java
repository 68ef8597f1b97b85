package app.rekindle.query.web;

import app.rekindle.support.web.ProblemExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Every error as RFC 9457 problem+json, without echoing what the client sent. */
@RestControllerAdvice
class ProblemHandler extends ProblemExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(KnownProblem.class)
    ResponseEntity<Object> known(KnownProblem e) {
        return problem(e.problem(), e.headers());
    }

    @ExceptionHandler(EntryNotFound.class)
    ResponseEntity<Object> entryNotFound(EntryNotFound e) {
        ProblemDetail problem = Problems.of(
                HttpStatus.NOT_FOUND,
                "entry-not-found",
                "Entry not found",
                "There is no entry with this id in this journal.");
        return problem(problem, new HttpHeaders());
    }

    @ExceptionHandler(TooManyRequests.class)
    ResponseEntity<Object> tooMany(TooManyRequests e) {
        ProblemDetail problem =
                Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests", e.getMessage());
        problem.setProperty("limit", e.limit());
        problem.setProperty("max", e.max());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfter().toSeconds()));
        return problem(problem, headers);
    }

    @ExceptionHandler(InvalidParameter.class)
    ResponseEntity<Object> invalid(InvalidParameter e) {
        return problem(
                Problems.invalid(HttpStatus.BAD_REQUEST, e.field(), e.rule(), e.getMessage()), new HttpHeaders());
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        if (outsideReadWindow(ex)) {
            return problem(
                    Problems.invalid(HttpStatus.BAD_REQUEST, field, ReadWindow.RULE, ReadWindow.message()), headers);
        }
        String expected =
                ex.getRequiredType() == null ? "value" : ex.getRequiredType().getSimpleName();
        ProblemDetail problem = Problems.invalid(HttpStatus.BAD_REQUEST, field, "type", "must be a valid " + expected);
        return problem(problem, headers);
    }

    private static boolean outsideReadWindow(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ReadParameterFormats.OutsideReadWindow) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        ProblemDetail problem =
                Problems.invalid(HttpStatus.BAD_REQUEST, ex.getParameterName(), "required", "is required");
        return problem(problem, headers);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("Unexpected error answering a read ({})", e.getClass().getName(), e);
        return problem(
                Problems.of(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "internal",
                        "Internal error",
                        "Something went wrong on our side."),
                new HttpHeaders());
    }

    private static ResponseEntity<Object> problem(ProblemDetail problem, HttpHeaders headers) {
        return ResponseEntity.status(problem.getStatus())
                .headers(problemHeaders(headers))
                .body(Problems.body(problem));
    }

    private static HttpHeaders problemHeaders(HttpHeaders headers) {
        HttpHeaders copy = new HttpHeaders();
        copy.addAll(headers);
        copy.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return copy;
    }
}
