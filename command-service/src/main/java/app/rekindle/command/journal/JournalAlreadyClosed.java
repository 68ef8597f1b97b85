package app.rekindle.command.journal;

/** A closed journal takes no new entries or step changes. */
public final class JournalAlreadyClosed extends JournalRejection {

    public JournalAlreadyClosed() {
        super(Category.CONFLICT, "journal-closed", "Journal closed",
                "This journal is closed and takes no more entries or changes.");
    }
}
