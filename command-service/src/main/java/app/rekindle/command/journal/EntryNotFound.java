package app.rekindle.command.journal;

import java.util.UUID;

/** The journal has no such entry (or no such date). */
public final class EntryNotFound extends JournalRejection {

    public EntryNotFound(String what, UUID entryId) {
        super(Category.NOT_FOUND, "entry-not-found", "Entry not found",
                "This journal has no " + what + " with id " + entryId + ".");
    }
}
