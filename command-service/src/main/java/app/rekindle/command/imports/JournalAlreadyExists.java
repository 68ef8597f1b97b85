package app.rekindle.command.imports;

import app.rekindle.command.journal.JournalRejection;

/** An import names a journal id the event store already has (perhaps this very export, imported before). */
final class JournalAlreadyExists extends JournalRejection {

    JournalAlreadyExists() {
        super(Category.CONFLICT, "journal-already-exists", "Journal already exists",
                "A journal with this id exists already; nothing was imported.");
    }
}
