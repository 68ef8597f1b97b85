package app.rekindle.command.journal;

import app.rekindle.events.GestureKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Step 3: a gesture of interest in the partner's life. */
public record LogGesture(@TargetAggregateIdentifier UUID journalId, String requestedBy,
                         Long expectedVersion, UUID entryId, Instant occurredAt, GestureKind kind,
                         String description) implements JournalCommand {
}
