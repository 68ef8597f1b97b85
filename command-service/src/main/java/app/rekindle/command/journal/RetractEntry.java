package app.rekindle.command.journal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Withdraws an earlier entry; it stays in the history, marked retracted. */
public record RetractEntry(@TargetAggregateIdentifier UUID journalId, String requestedBy,
                           Long expectedVersion, UUID entryId, String reason) implements JournalCommand {
}
