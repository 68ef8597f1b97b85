package app.rekindle.support.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A text field holding characters {@link TextRules} refuses; answered as a 400 naming the field. */
public class UnsafeText extends ErrorResponseException {

    public UnsafeText(String field) {
        super(HttpStatus.BAD_REQUEST, problem(field), null);
    }

    private static ProblemDetail problem(String field) {
        String message = field + " holds control, direction-override or other characters that are not allowed.";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
        problem.setType(URI.create(ProblemWriter.BASE + "invalid-request"));
        problem.setTitle("The request is not valid");
        problem.setProperty("errors", List.of(Map.of("field", field, "rule", TextRules.RULE, "message", message)));
        return problem;
    }
}
