package app.rekindle.command.imports;

import app.rekindle.command.erasure.ErasedOwners;
import app.rekindle.command.eventstore.ImportedEvents;
import app.rekindle.command.idempotency.IdempotentCommands;
import app.rekindle.command.web.CommandAnswer;
import app.rekindle.command.web.CommandContext;
import app.rekindle.events.PublishedEvent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Imports a journal exported by the query service as a new journal of the importing person: the whole export is
 * checked first (every event decided again by the journal's rules), then its events are appended under fresh
 * journal, entry and event ids, keeping their times and sequence numbers, in the command's transaction, so the
 * publisher sends them on and every view is built as the original's. The exported journal's id is answered as
 * {@code importedFrom}; whether it exists anywhere never changes the answer.
 */
@RestController
class ImportController {

    private final ImportedEvents events;
    private final IdempotentCommands idempotent;
    private final ErasedOwners erasedOwners;
    private final Clock clock;

    ImportController(ImportedEvents events, IdempotentCommands idempotent, ErasedOwners erasedOwners, Clock clock) {
        this.events = events;
        this.idempotent = idempotent;
        this.erasedOwners = erasedOwners;
        this.clock = clock;
    }

    @Operation(
            summary = "Import a journal from its json export as a new journal; the whole export is checked"
                    + " before anything is written")
    @PostMapping("/journals/import")
    ResponseEntity<Object> importJournal(@RequestBody JsonNode export, @Parameter(hidden = true) CommandContext ctx) {
        // A retried import with the same Idempotency-Key answers as the first did instead of importing again.
        return idempotent.run(ctx, export, () -> {
            erasedOwners.admit(ctx.person());
            return append(ExportReader.read(export, ctx.person(), clock.instant()));
        });
    }

    /** Runs inside the idempotent command's transaction: the events and the key's answer commit together. */
    private CommandAnswer append(ExportReader.Imported imported) {
        List<PublishedEvent> read = imported.events();
        UUID journalId = read.getFirst().journalId();
        events.append(journalId, read);
        return CommandAnswer.created(
                "/journals/" + journalId,
                Map.of(
                        "journalId",
                        journalId,
                        "version",
                        read.getLast().sequence(),
                        "importedFrom",
                        imported.importedFrom()));
    }
}
