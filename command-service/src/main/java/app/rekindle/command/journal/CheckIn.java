package app.rekindle.command.journal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Across all steps: how it feels right now; occurredAt defaults to now. */
public record CheckIn(@TargetAggregateIdentifier UUID journalId, String requestedBy,
                      Long expectedVersion, UUID entryId, Integer mood, Integer connection, String note,
                      Instant occurredAt) implements JournalCommand {
}
