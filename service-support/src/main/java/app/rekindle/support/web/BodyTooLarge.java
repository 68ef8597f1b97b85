package app.rekindle.support.web;

import java.io.IOException;

/** Thrown while reading a body that turns out larger than the limit; the message converter passes it on. */
public final class BodyTooLarge extends IOException {

    private final long limit;

    BodyTooLarge(long limit) {
        super("The request body is larger than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
