package app.rekindle.command.entries;

import app.rekindle.command.idempotency.IdempotentCommands;
import app.rekindle.command.web.CommandAnswer;
import app.rekindle.command.web.CommandContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Logging what people do, one endpoint per kind of entry; each answers 201 with the new entry's id. */
@RestController
@RequestMapping("/journals/{journalId}")
class EntriesController {

    private final CommandGateway commands;
    private final IdempotentCommands idempotent;

    EntriesController(CommandGateway commands, IdempotentCommands idempotent) {
        this.commands = commands;
        this.idempotent = idempotent;
    }

    @Operation(summary = "Log a reflection on the past (step 1)")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/reflections")
    ResponseEntity<Object> reflect(
            @PathVariable UUID journalId,
            @Valid @RequestBody EntryRequests.Reflection body,
            @Parameter(hidden = true) CommandContext ctx) {
        return log(journalId, body, ctx);
    }

    @Operation(summary = "Log a conversation (step 2)")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/conversations")
    ResponseEntity<Object> talk(
            @PathVariable UUID journalId,
            @Valid @RequestBody EntryRequests.Conversation body,
            @Parameter(hidden = true) CommandContext ctx) {
        return log(journalId, body, ctx);
    }

    @Operation(summary = "Log a gesture of genuine interest (step 3)")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/gestures")
    ResponseEntity<Object> gesture(
            @PathVariable UUID journalId,
            @Valid @RequestBody EntryRequests.Gesture body,
            @Parameter(hidden = true) CommandContext ctx) {
        return log(journalId, body, ctx);
    }

    @Operation(summary = "Log an activity shared as friends (step 5)")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/activities")
    ResponseEntity<Object> share(
            @PathVariable UUID journalId,
            @Valid @RequestBody EntryRequests.Activity body,
            @Parameter(hidden = true) CommandContext ctx) {
        return log(journalId, body, ctx);
    }

    @Operation(summary = "Log personal time, mine or my partner's (step 6)")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/personal-time")
    ResponseEntity<Object> apart(
            @PathVariable UUID journalId,
            @Valid @RequestBody EntryRequests.PersonalTime body,
            @Parameter(hidden = true) CommandContext ctx) {
        return log(journalId, body, ctx);
    }

    @Operation(summary = "Check in: mood and connection, 1 to 5")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/check-ins")
    ResponseEntity<Object> checkIn(
            @PathVariable UUID journalId,
            @Valid @RequestBody EntryRequests.CheckIn body,
            @Parameter(hidden = true) CommandContext ctx) {
        return log(journalId, body, ctx);
    }

    private ResponseEntity<Object> log(UUID journalId, EntryRequests.NewEntry body, CommandContext ctx) {
        return idempotent.run(ctx, body, () -> {
            UUID entryId = UUID.randomUUID();
            return CommandAnswer.entryLogged(
                    journalId,
                    entryId,
                    commands.sendAndWait(body.command(journalId, ctx.person(), ctx.expectedVersion(), entryId)));
        });
    }
}
