package app.rekindle.command.journal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Erases the journal: from now on it answers like one that never existed. */
public record EraseJournal(@TargetAggregateIdentifier UUID journalId, String requestedBy,
                           Long expectedVersion) implements JournalCommand {
}
