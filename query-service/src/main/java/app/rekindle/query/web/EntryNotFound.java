package app.rekindle.query.web;

/** The journal is visible but holds no entry with that id (or it was purged). */
public class EntryNotFound extends RuntimeException {

    public EntryNotFound() {
        super("entry not found");
    }
}
