package app.rekindle.command.steps;

import app.rekindle.command.idempotency.IdempotentCommands;
import app.rekindle.command.journal.JournalCommand.CompleteStep;
import app.rekindle.command.journal.JournalCommand.ReopenStep;
import app.rekindle.command.journal.JournalCommand.StartStep;
import app.rekindle.command.web.CommandAnswer;
import app.rekindle.command.web.CommandContext;
import app.rekindle.command.web.Problems;
import app.rekindle.events.Step;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Moving through the six steps, addressed by their stable slugs (e.g. {@code communicate-openly}). */
@RestController
@RequestMapping("/journals/{journalId}/steps/{slug}")
class StepsController {

    record CompletionRequest(@Size(max = 4000) String summary) {}

    record ReopeningRequest(@NotBlank @Size(max = 4000) String reason) {}

    private final CommandGateway commands;
    private final IdempotentCommands idempotent;

    StepsController(CommandGateway commands, IdempotentCommands idempotent) {
        this.commands = commands;
        this.idempotent = idempotent;
    }

    @Operation(summary = "Start a step")
    @PostMapping("/start")
    ResponseEntity<Object> start(
            @PathVariable UUID journalId, @PathVariable String slug, @Parameter(hidden = true) CommandContext ctx) {
        Step step = step(slug);
        return idempotent.run(
                ctx,
                null,
                () -> CommandAnswer.changed(
                        journalId,
                        commands.sendAndWait(new StartStep(journalId, ctx.person(), ctx.expectedVersion(), step))));
    }

    @Operation(summary = "Complete a step that has something logged for it")
    @PostMapping("/completion")
    ResponseEntity<Object> complete(
            @PathVariable UUID journalId,
            @PathVariable String slug,
            @Valid @RequestBody(required = false) CompletionRequest body,
            @Parameter(hidden = true) CommandContext ctx) {
        Step step = step(slug);
        CompletionRequest completion = body != null ? body : new CompletionRequest(null);
        return idempotent.run(
                ctx,
                completion,
                () -> CommandAnswer.changed(
                        journalId,
                        commands.sendAndWait(new CompleteStep(
                                journalId, ctx.person(), ctx.expectedVersion(), step, completion.summary()))));
    }

    @Operation(summary = "Reopen a completed step, with a reason")
    @PostMapping("/reopening")
    ResponseEntity<Object> reopen(
            @PathVariable UUID journalId,
            @PathVariable String slug,
            @Valid @RequestBody ReopeningRequest body,
            @Parameter(hidden = true) CommandContext ctx) {
        Step step = step(slug);
        return idempotent.run(
                ctx,
                body,
                () -> CommandAnswer.changed(
                        journalId,
                        commands.sendAndWait(
                                new ReopenStep(journalId, ctx.person(), ctx.expectedVersion(), step, body.reason()))));
    }

    private static Step step(String slug) {
        return Step.fromSlug(slug)
                .orElseThrow(() -> Problems.notFound(
                        "no-such-step",
                        "No such step",
                        "There is no step with this slug; the six steps are "
                                + java.util.Arrays.stream(Step.values())
                                        .map(Step::slug)
                                        .toList() + "."));
    }
}
