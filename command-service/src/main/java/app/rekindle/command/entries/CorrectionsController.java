package app.rekindle.command.entries;

import app.rekindle.command.idempotency.IdempotentCommands;
import app.rekindle.command.journal.JournalCommand.AmendEntry;
import app.rekindle.command.journal.JournalCommand.RetractEntry;
import app.rekindle.command.web.CommandAnswer;
import app.rekindle.command.web.CommandContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Amending and retracting earlier entries: history is kept, never overwritten. */
@RestController
@RequestMapping("/journals/{journalId}/entries/{entryId}")
class CorrectionsController {

    private final CommandGateway commands;
    private final IdempotentCommands idempotent;

    CorrectionsController(CommandGateway commands, IdempotentCommands idempotent) {
        this.commands = commands;
        this.idempotent = idempotent;
    }

    @Operation(summary = "Amend an entry's fields; the earlier values stay in its history")
    @PostMapping("/amendment")
    ResponseEntity<Object> amend(
            @PathVariable UUID journalId,
            @PathVariable UUID entryId,
            @Valid @RequestBody EntryRequests.Amendment body,
            @Parameter(hidden = true) CommandContext ctx) {
        return idempotent.run(
                ctx,
                body,
                () -> CommandAnswer.changed(
                        journalId,
                        commands.sendAndWait(new AmendEntry(
                                journalId,
                                ctx.person(),
                                ctx.expectedVersion(),
                                entryId,
                                body.changes(),
                                body.reason()))));
    }

    /** The reason may come as a body or, for clients that send no body with DELETE, as a query parameter. */
    @Operation(summary = "Retract an entry; it stays in the history, marked retracted")
    @DeleteMapping
    ResponseEntity<Object> retract(
            @PathVariable UUID journalId,
            @PathVariable UUID entryId,
            @Valid @RequestBody(required = false) EntryRequests.Retraction body,
            @RequestParam(required = false) String reason,
            @Parameter(hidden = true) CommandContext ctx) {
        EntryRequests.Retraction retraction = body != null ? body : new EntryRequests.Retraction(reason);
        return idempotent.run(
                ctx,
                retraction,
                () -> CommandAnswer.changed(
                        journalId,
                        commands.sendAndWait(new RetractEntry(
                                journalId, ctx.person(), ctx.expectedVersion(), entryId, retraction.reason()))));
    }
}
