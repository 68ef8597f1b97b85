package app.rekindle.command.journal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** The planned date will not take place. */
public record CancelDate(@TargetAggregateIdentifier UUID journalId, String requestedBy,
                         Long expectedVersion, UUID dateId, String reason) implements JournalCommand {
}
