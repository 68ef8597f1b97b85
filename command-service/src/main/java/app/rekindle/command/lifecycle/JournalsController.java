package app.rekindle.command.lifecycle;

import app.rekindle.command.erasure.ErasedOwners;
import app.rekindle.command.erasure.JournalErasure;
import app.rekindle.command.idempotency.IdempotentCommands;
import app.rekindle.command.journal.JournalCommand.CloseJournal;
import app.rekindle.command.journal.JournalCommand.OpenJournal;
import app.rekindle.command.web.CommandAnswer;
import app.rekindle.command.web.CommandContext;
import app.rekindle.events.ClosureOutcome;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Opening, closing and erasing a journal. */
@RestController
@RequestMapping("/journals")
class JournalsController {

    record OpenJournalRequest(
            @NotBlank @Size(max = 200) String partnerName,
            @NotBlank @Size(max = 4000) String intention,
            @NotBlank @Size(max = 64) String timezone) {}

    record CloseJournalRequest(
            @NotNull ClosureOutcome outcome,
            @Size(max = 4000) String note) {}

    private final CommandGateway commands;
    private final IdempotentCommands idempotent;
    private final ErasedOwners erasedOwners;
    private final JournalErasure erasure;

    JournalsController(
            CommandGateway commands, IdempotentCommands idempotent, ErasedOwners erasedOwners, JournalErasure erasure) {
        this.commands = commands;
        this.idempotent = idempotent;
        this.erasedOwners = erasedOwners;
        this.erasure = erasure;
    }

    @Operation(summary = "Open a journal")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<Object> open(
            @Valid @RequestBody OpenJournalRequest body, @Parameter(hidden = true) CommandContext ctx) {
        return idempotent.run(ctx, body, () -> {
            erasedOwners.admit(ctx.person());
            UUID journalId = UUID.randomUUID();
            commands.sendAndWait(
                    new OpenJournal(journalId, ctx.person(), body.partnerName(), body.intention(), body.timezone()));
            // JournalOpened is always the journal's first event: sequence number, and so version, 0
            return CommandAnswer.created("/journals/" + journalId, Map.of("journalId", journalId, "version", 0L));
        });
    }

    @Operation(summary = "Close the journal: reconciled, parted or paused; it takes no new entries afterwards")
    @PostMapping("/{journalId}/closure")
    ResponseEntity<Object> close(
            @PathVariable UUID journalId,
            @Valid @RequestBody CloseJournalRequest body,
            @Parameter(hidden = true) CommandContext ctx) {
        return idempotent.run(
                ctx,
                body,
                () -> CommandAnswer.changed(
                        journalId,
                        commands.sendAndWait(new CloseJournal(
                                journalId, ctx.person(), ctx.expectedVersion(), body.outcome(), body.note()))));
    }

    /** Erasing keeps a JournalErased event; from then on the journal answers 404 like one that never existed. */
    @Operation(summary = "Erase the journal: its text becomes unreadable and it answers 404 from then on")
    @DeleteMapping("/{journalId}")
    ResponseEntity<Object> erase(@PathVariable UUID journalId, @Parameter(hidden = true) CommandContext ctx) {
        return erasure.erase(journalId, ctx);
    }
}
