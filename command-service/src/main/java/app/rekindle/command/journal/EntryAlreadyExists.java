package app.rekindle.command.journal;

import java.util.UUID;

/** An entry id is used once per journal. */
public final class EntryAlreadyExists extends JournalRejection {

    public EntryAlreadyExists(UUID entryId) {
        super(Category.CONFLICT, "entry-already-exists", "Entry already exists",
                "This journal already has an entry with id " + entryId + ".");
    }
}
