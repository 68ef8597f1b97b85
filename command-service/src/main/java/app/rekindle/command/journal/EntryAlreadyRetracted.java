package app.rekindle.command.journal;

import java.util.UUID;

/** A retracted entry cannot be amended, retracted again or resolved. */
public final class EntryAlreadyRetracted extends JournalRejection {

    public EntryAlreadyRetracted(UUID entryId) {
        super(Category.CONFLICT, "entry-retracted", "Entry retracted",
                "Entry " + entryId + " was retracted and takes no more changes.");
    }
}
