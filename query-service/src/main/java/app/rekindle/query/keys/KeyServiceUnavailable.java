package app.rekindle.query.keys;

/** The key service could not say whether a key exists: the record must be retried, never taken as erased. */
public final class KeyServiceUnavailable extends IllegalStateException {

    KeyServiceUnavailable(String message) {
        super(message);
    }

    KeyServiceUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
