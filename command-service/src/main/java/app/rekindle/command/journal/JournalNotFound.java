package app.rekindle.command.journal;

/** Missing, erased, or someone else's journal: all answer the same, so nothing leaks. */
public final class JournalNotFound extends JournalRejection {

    public JournalNotFound() {
        super(Category.NOT_FOUND, "journal-not-found", "Journal not found",
                "There is no journal with this id for you.");
    }
}
