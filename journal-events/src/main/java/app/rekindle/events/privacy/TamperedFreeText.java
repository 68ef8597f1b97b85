package app.rekindle.events.privacy;

/** A sealed field did not authenticate: it was changed, moved to another event or field, or the key is wrong. */
public final class TamperedFreeText extends RuntimeException {

    TamperedFreeText(String field, Throwable cause) {
        super("Sealed field " + field + " does not authenticate", cause);
    }
}
