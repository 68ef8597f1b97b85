package app.rekindle.query.keys;

import app.rekindle.query.projection.TemporaryFailure;

/** The key service could not say whether a key exists: the record must be retried, never taken as erased. */
public final class KeyServiceUnavailable extends IllegalStateException implements TemporaryFailure {

    KeyServiceUnavailable(String message) {
        super(message);
    }

    KeyServiceUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
