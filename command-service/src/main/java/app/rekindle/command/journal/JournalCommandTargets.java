package app.rekindle.command.journal;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.IdentifierMissingException;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.stereotype.Component;

/**
 * Which journal a command is for: the one every {@link JournalCommand} names. Axon's default resolver found it by
 * reflection over the command's fields and methods and their annotations on every command, 2.6% of a check-in's
 * request-thread CPU. No version: If-Match is the journal's own check ({@code expectedVersion}), as it was.
 */
@Component(JournalCommandTargets.BEAN)
class JournalCommandTargets implements CommandTargetResolver {

    static final String BEAN = "journalCommandTargets";

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        if (command.getPayload() instanceof JournalCommand journalCommand && journalCommand.journalId() != null) {
            return new VersionedAggregateIdentifier(journalCommand.journalId(), null);
        }
        throw new IdentifierMissingException(
                "A " + command.getPayloadType().getSimpleName() + " names no journal to send it to");
    }
}
