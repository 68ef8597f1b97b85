package app.rekindle.query.access;

/**
 * The journal is missing, erased, or someone else's. These three answer identically on purpose: the API
 * must not reveal whether another person's journal exists.
 */
public class JournalNotFound extends RuntimeException {

    public JournalNotFound() {
        super("journal not visible");
    }
}
