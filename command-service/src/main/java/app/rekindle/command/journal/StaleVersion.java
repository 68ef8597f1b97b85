package app.rekindle.command.journal;

/** The client based its command on a version of the journal that is no longer the current one (If-Match). */
public final class StaleVersion extends JournalRejection {

    public StaleVersion() {
        super(Category.CONFLICT, "version-conflict", "Version conflict",
                "The journal is not at the version named in If-Match; read it again and retry.");
    }
}
