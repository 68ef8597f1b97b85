package app.rekindle.support.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Replaces Spring Boot's /error page. What reaches it was refused outside Spring MVC's handlers — by the
 * request firewall, by a filter, by the container (a body over its limits) — and would otherwise answer in
 * Boot's own JSON or HTML. Here it answers problem+json like everything else; the error's message is not
 * used, since it may quote the request.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
public class ProblemErrorController implements ErrorController {

    @RequestMapping
    public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        if (!status.isError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        ProblemWriter.write(response, status, problem(status));
    }

    public static Map<String, Object> problem(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST ->
                ProblemWriter.body(
                        status,
                        "bad-request",
                        "Bad request",
                        "The request could not be read: check its address, headers and body.");
            case NOT_FOUND -> ProblemWriter.body(status, "not-found", "Not found", "There is nothing at this address.");
            case CONTENT_TOO_LARGE ->
                ProblemWriter.body(
                        status,
                        "content-too-large",
                        "Request too large",
                        "The request is larger than this service accepts.");
            case INTERNAL_SERVER_ERROR ->
                ProblemWriter.body(status, "internal", "Internal error", "Something went wrong on our side.");
            default ->
                ProblemWriter.body(
                        status,
                        status.name().toLowerCase().replace('_', '-'),
                        status.getReasonPhrase(),
                        "The request was refused (" + status.getReasonPhrase() + ").");
        };
    }
}
