package app.rekindle.query.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;

/**
 * An exception that carries the problem it answers with, so a capability can define its own answers (the access
 * check's 404 and 202) without this package knowing each of them: the dependency runs one way, into web.
 */
public abstract class KnownProblem extends RuntimeException {

    protected KnownProblem(String message) {
        super(message);
    }

    public abstract ProblemDetail problem();

    public HttpHeaders headers() {
        return new HttpHeaders();
    }
}
