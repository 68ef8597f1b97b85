package app.rekindle.command.journal;

import app.rekindle.events.DateKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Step 4: a date or surprise, planned; it later happens or is cancelled. */
public record PlanDate(@TargetAggregateIdentifier UUID journalId, String requestedBy,
                       Long expectedVersion, UUID dateId, Instant plannedFor, String idea, DateKind kind) implements JournalCommand {
}
