package app.rekindle.command.erasure;

import app.rekindle.command.idempotency.IdempotentCommands;
import app.rekindle.command.journal.JournalCommand.EraseJournal;
import app.rekindle.command.keys.JournalKeys;
import app.rekindle.command.web.CommandAnswer;
import app.rekindle.command.web.CommandContext;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Erasing one journal, the one way it is done: whether its owner asks ({@code DELETE /journals/{id}}) or their
 * account is deleted ({@link OwnerErasureController}).
 */
@Component
public class JournalErasure {

    private final CommandGateway commands;
    private final IdempotentCommands idempotent;
    private final JournalKeys keys;

    JournalErasure(CommandGateway commands, IdempotentCommands idempotent, JournalKeys keys) {
        this.commands = commands;
        this.idempotent = idempotent;
        this.keys = keys;
    }

    /** Erasing keeps a JournalErased event; from then on the journal answers 404 like one that never existed. */
    public ResponseEntity<Object> erase(UUID journalId, CommandContext ctx) {
        return idempotent.run(ctx, null, () -> {
            Object version = commands.sendAndWait(new EraseJournal(journalId, ctx.person(), ctx.expectedVersion()));
            // Crypto-shredding, in the transaction that records JournalErased: both commit or neither does.
            keys.destroy(journalId);
            return CommandAnswer.changed(journalId, version);
        });
    }
}
