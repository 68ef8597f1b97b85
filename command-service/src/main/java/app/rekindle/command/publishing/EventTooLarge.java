package app.rekindle.command.publishing;

import app.rekindle.command.web.Problems;
import app.rekindle.events.rules.EventSize;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 413: the event a request would store is larger than any event may be ({@link EventSize#MAX_BYTES}). */
class EventTooLarge extends ErrorResponseException {

    EventTooLarge(int size) {
        super(HttpStatus.CONTENT_TOO_LARGE, problem(size), null);
    }

    private static ProblemDetail problem(int size) {
        String message = "The event this request makes would take " + size + " bytes; at most " + EventSize.MAX_BYTES
                + " are allowed.";
        ProblemDetail problem = Problems.invalid(List.of(Problems.error("body", "max-size", message)));
        problem.setStatus(HttpStatus.CONTENT_TOO_LARGE);
        return problem;
    }
}
