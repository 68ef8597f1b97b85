package app.rekindle.command.entries;

import app.rekindle.command.idempotency.IdempotentItems;
import app.rekindle.command.journal.JournalCommand;
import app.rekindle.command.journal.JournalCommand.LogEntries;
import app.rekindle.command.web.CommandAnswer;
import app.rekindle.command.web.CommandContext;
import app.rekindle.command.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Offline sync: up to {@value Batch#MAX_ITEMS} new entries of one journal in one request, all recorded in one
 * append or none, each answered in order with its entry id, the journal's version after it, and whether it was a
 * replay of an earlier answer to its key.
 */
@RestController
class BatchesController {

    private final CommandGateway commands;
    private final IdempotentItems idempotent;

    BatchesController(CommandGateway commands, IdempotentItems idempotent) {
        this.commands = commands;
        this.idempotent = idempotent;
    }

    @Operation(
            summary = "Log up to 100 new entries at once (offline sync): all or none, each with its own "
                    + "idempotencyKey and client-chosen entryId")
    @PostMapping("/journals/{journalId}/batches")
    Map<String, Object> logBatch(
            @PathVariable UUID journalId,
            @Valid @RequestBody Batch batch,
            @Parameter(hidden = true) CommandContext ctx) {
        requireUniqueKeys(batch.items());
        List<IdempotentItems.Item> keyed = batch.items().stream()
                .map(item -> new IdempotentItems.Item(item.idempotencyKey(), item))
                .toList();
        List<IdempotentItems.Result> results = idempotent.run(ctx, journalId, keyed, fresh -> {
            List<Batch.BatchItem> items = fresh.stream().map(batch.items()::get).toList();
            // The batch's If-Match counts, once; the entries carry none of their own.
            List<JournalCommand.NewEntry> entries = items.stream()
                    .map(item -> item.body().command(journalId, ctx.person(), null, item.entryId()))
                    .toList();
            List<?> versions =
                    commands.sendAndWait(new LogEntries(journalId, ctx.person(), ctx.expectedVersion(), entries));
            return IntStream.range(0, items.size())
                    .mapToObj(j ->
                            CommandAnswer.entryLogged(journalId, items.get(j).entryId(), versions.get(j)))
                    .toList();
        });
        return Map.of(
                "journalId",
                journalId,
                "items",
                results.stream().map(BatchesController::item).toList());
    }

    private static Map<String, Object> item(IdempotentItems.Result result) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("entryId", result.answer().body().get("entryId"));
        item.put("version", result.answer().body().get("version"));
        item.put("replayed", result.replayed());
        return item;
    }

    /** A key names one item: two items with one key would be one answer for two requests. */
    private static void requireUniqueKeys(List<Batch.BatchItem> items) {
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            if (first.putIfAbsent(items.get(i).idempotencyKey(), i) != null) {
                String field = "items[" + i + "].idempotencyKey";
                throw new ErrorResponseException(
                        HttpStatus.BAD_REQUEST,
                        Problems.invalid(List.of(Problems.error(
                                field,
                                "unique",
                                field + " repeats the key of items["
                                        + first.get(items.get(i).idempotencyKey()) + "]; every item needs its own."))),
                        null);
            }
        }
    }
}
