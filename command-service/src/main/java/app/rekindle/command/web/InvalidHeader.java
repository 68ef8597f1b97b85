package app.rekindle.command.web;

/** A request header the API reads (If-Match, Idempotency-Key) is malformed. */
final class InvalidHeader extends RuntimeException {

    private final String header;

    InvalidHeader(String header, String message) {
        super(message, null, false, false);
        this.header = header;
    }

    String header() {
        return header;
    }
}
