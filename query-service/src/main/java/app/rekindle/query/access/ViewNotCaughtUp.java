package app.rekindle.query.access;

import app.rekindle.query.web.KnownProblem;
import app.rekindle.query.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The view did not reach the version the client asked for within the wait bound: 202, retry shortly. */
public class ViewNotCaughtUp extends KnownProblem {

    private final long minVersion;
    private final Long currentVersion;

    /** @param currentVersion null when the journal is not (yet) visible to the caller */
    public ViewNotCaughtUp(long minVersion, Long currentVersion) {
        super("view behind requested version");
        this.minVersion = minVersion;
        this.currentVersion = currentVersion;
    }

    public long minVersion() {
        return minVersion;
    }

    public Long currentVersion() {
        return currentVersion;
    }

    @Override
    public ProblemDetail problem() {
        ProblemDetail problem = Problems.of(
                HttpStatus.ACCEPTED,
                "not-yet",
                "The view has not caught up yet",
                "The journal's view has not reached the requested version yet; retry shortly.");
        problem.setProperty("minVersion", minVersion);
        problem.setProperty("currentVersion", currentVersion);
        return problem;
    }

    @Override
    public HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "1");
        return headers;
    }
}
