package app.rekindle.command.journal;

import app.rekindle.events.Step;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Starts a step explicitly (logging an entry starts its step too). */
public record StartStep(@TargetAggregateIdentifier UUID journalId, String requestedBy,
                        Long expectedVersion, Step step) implements JournalCommand {
}
