package app.rekindle.command.journal;

import app.rekindle.events.ConversationChannel;
import app.rekindle.events.ConversationOutcome;
import app.rekindle.events.Initiator;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Step 2: a conversation and how it went; without a channel, the channel is not recorded. */
public record LogConversation(@TargetAggregateIdentifier UUID journalId, String requestedBy,
                              Long expectedVersion, UUID entryId, Instant occurredAt, String topic,
                              Initiator initiatedBy, Integer minutes, Integer feltHeard, Integer listenedWell,
                              ConversationOutcome outcome, ConversationChannel channel, String notes)
        implements JournalCommand {
}
