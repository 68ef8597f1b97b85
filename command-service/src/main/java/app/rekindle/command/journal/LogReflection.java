package app.rekindle.command.journal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

/** Step 1: looking back at what happened and who did what. */
public record LogReflection(@TargetAggregateIdentifier UUID journalId, String requestedBy,
                            Long expectedVersion, UUID entryId, LocalDate occurredOn, String text,
                            String myPart, String theirPart, String lesson) implements JournalCommand {
}
