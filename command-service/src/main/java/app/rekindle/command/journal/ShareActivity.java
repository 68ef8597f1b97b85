package app.rekindle.command.journal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Step 5: something done together as friends. */
public record ShareActivity(@TargetAggregateIdentifier UUID journalId, String requestedBy,
                            Long expectedVersion, UUID entryId, Instant occurredAt, String activity,
                            Boolean laughedTogether, String newMemory) implements JournalCommand {
}
