package app.rekindle.query.access;

/** The view did not reach the version the client asked for within the wait bound. */
public class ViewNotCaughtUp extends RuntimeException {

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
}
