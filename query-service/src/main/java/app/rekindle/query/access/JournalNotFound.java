package app.rekindle.query.access;

import app.rekindle.query.web.KnownProblem;
import app.rekindle.query.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The journal is missing, erased, or someone else's. These three answer identically on purpose: the API
 * must not reveal whether another person's journal exists.
 */
public class JournalNotFound extends KnownProblem {

    public JournalNotFound() {
        super("journal not visible");
    }

    @Override
    public ProblemDetail problem() {
        return Problems.of(
                HttpStatus.NOT_FOUND,
                "journal-not-found",
                "Journal not found",
                "There is no journal with this id that you can see.");
    }
}
