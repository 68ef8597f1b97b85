package app.rekindle.command.journal;

import java.util.UUID;

/** A date happens or is cancelled once. */
public final class DateAlreadyResolved extends JournalRejection {

    public DateAlreadyResolved(UUID dateId) {
        super(Category.CONFLICT, "date-already-resolved", "Date already resolved",
                "Date " + dateId + " already happened or was cancelled.");
    }
}
