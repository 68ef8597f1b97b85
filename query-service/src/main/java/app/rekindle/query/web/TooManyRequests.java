package app.rekindle.query.web;

import java.time.Duration;

/** A cap on concurrent work was reached; answered 429 with {@code Retry-After}, the cap named in the body. */
public class TooManyRequests extends RuntimeException {

    private final String limit;
    private final int max;
    private final Duration retryAfter;

    /**
     * @param limit      the property that sets the cap, so an operator reading the answer knows what to raise
     * @param max        the cap itself
     * @param retryAfter when asking again may succeed
     */
    public TooManyRequests(String message, String limit, int max, Duration retryAfter) {
        super(message);
        this.limit = limit;
        this.max = max;
        this.retryAfter = retryAfter;
    }

    public String limit() {
        return limit;
    }

    public int max() {
        return max;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
