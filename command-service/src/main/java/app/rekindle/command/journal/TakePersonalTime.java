package app.rekindle.command.journal;

import app.rekindle.events.Whose;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Step 6: time one of the two spent on their own pursuits. */
public record TakePersonalTime(@TargetAggregateIdentifier UUID journalId, String requestedBy,
                               Long expectedVersion, UUID entryId, Instant occurredAt, Whose whose,
                               String pursuit, Integer minutes) implements JournalCommand {
}
