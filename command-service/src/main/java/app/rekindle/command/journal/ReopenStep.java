package app.rekindle.command.journal;

import app.rekindle.events.Step;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Takes a completed step back into progress, with a reason. */
public record ReopenStep(@TargetAggregateIdentifier UUID journalId, String requestedBy,
                         Long expectedVersion, Step step, String reason) implements JournalCommand {
}
