package app.rekindle.command.journal;

import app.rekindle.events.Step;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Marks a step done; needs something logged for it. */
public record CompleteStep(@TargetAggregateIdentifier UUID journalId, String requestedBy,
                           Long expectedVersion, Step step, String summary) implements JournalCommand {
}
