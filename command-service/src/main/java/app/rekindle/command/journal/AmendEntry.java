package app.rekindle.command.journal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;
import java.util.UUID;

/** New values for some fields of an earlier entry; keys are the logging event's field names. */
public record AmendEntry(@TargetAggregateIdentifier UUID journalId, String requestedBy,
                         Long expectedVersion, UUID entryId, Map<String, Object> changes,
                         String reason) implements JournalCommand {
}
