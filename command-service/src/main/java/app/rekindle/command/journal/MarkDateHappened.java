package app.rekindle.command.journal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** The planned date took place; occurredAt defaults to now. */
public record MarkDateHappened(@TargetAggregateIdentifier UUID journalId, String requestedBy,
                               Long expectedVersion, UUID dateId, Integer rating, String memory,
                               Instant occurredAt) implements JournalCommand {
}
