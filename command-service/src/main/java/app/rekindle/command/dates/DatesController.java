package app.rekindle.command.dates;

import app.rekindle.command.entries.EntryRequests.PlanDateRequest;
import app.rekindle.command.idempotency.IdempotentCommands;
import app.rekindle.command.journal.JournalCommand.CancelDate;
import app.rekindle.command.journal.JournalCommand.MarkDateHappened;
import app.rekindle.command.web.CommandAnswer;
import app.rekindle.command.web.CommandContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;
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

/** Step 4's dates: planned first, then they happen or are cancelled, once. */
@RestController
@RequestMapping("/journals/{journalId}/dates")
class DatesController {

    record DateHappenedRequest(
            @NotNull @Min(1) @Max(5) Integer rating,
            @Size(max = 4000) String memory,
            Instant occurredAt) {}

    record CancellationRequest(@Size(max = 4000) String reason) {}

    private final CommandGateway commands;
    private final IdempotentCommands idempotent;

    DatesController(CommandGateway commands, IdempotentCommands idempotent) {
        this.commands = commands;
        this.idempotent = idempotent;
    }

    /** A date is an entry too: its dateId is also its entryId, for amending or retracting it. */
    @Operation(summary = "Plan a date (step 4); answers its dateId")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<Object> plan(
            @PathVariable UUID journalId,
            @Valid @RequestBody PlanDateRequest body,
            @Parameter(hidden = true) CommandContext ctx) {
        return idempotent.run(ctx, body, () -> {
            UUID dateId = UUID.randomUUID();
            Object version = commands.sendAndWait(body.command(journalId, ctx.person(), ctx.expectedVersion(), dateId));
            return CommandAnswer.created(
                    "/journals/" + journalId + "/dates/" + dateId,
                    Map.of("journalId", journalId, "dateId", dateId, "entryId", dateId, "version", version));
        });
    }

    @Operation(summary = "Record that a planned date happened, with a rating")
    @PostMapping("/{dateId}/happened")
    ResponseEntity<Object> happened(
            @PathVariable UUID journalId,
            @PathVariable UUID dateId,
            @Valid @RequestBody DateHappenedRequest body,
            @Parameter(hidden = true) CommandContext ctx) {
        return idempotent.run(
                ctx,
                body,
                () -> CommandAnswer.changed(
                        journalId,
                        commands.sendAndWait(new MarkDateHappened(
                                journalId,
                                ctx.person(),
                                ctx.expectedVersion(),
                                dateId,
                                body.rating(),
                                body.memory(),
                                body.occurredAt()))));
    }

    @Operation(summary = "Cancel a planned date")
    @PostMapping("/{dateId}/cancellation")
    ResponseEntity<Object> cancel(
            @PathVariable UUID journalId,
            @PathVariable UUID dateId,
            @Valid @RequestBody(required = false) CancellationRequest body,
            @Parameter(hidden = true) CommandContext ctx) {
        CancellationRequest cancellation = body != null ? body : new CancellationRequest(null);
        return idempotent.run(
                ctx,
                cancellation,
                () -> CommandAnswer.changed(
                        journalId,
                        commands.sendAndWait(new CancelDate(
                                journalId, ctx.person(), ctx.expectedVersion(), dateId, cancellation.reason()))));
    }
}
