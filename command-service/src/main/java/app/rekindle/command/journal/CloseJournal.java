package app.rekindle.command.journal;

import app.rekindle.events.ClosureOutcome;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Ends the journal with an outcome; it takes no new entries afterwards. */
public record CloseJournal(@TargetAggregateIdentifier UUID journalId, String requestedBy,
                           Long expectedVersion, ClosureOutcome outcome, String note) implements JournalCommand {
}
