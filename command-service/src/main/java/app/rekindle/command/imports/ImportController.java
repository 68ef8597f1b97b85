package app.rekindle.command.imports;

import app.rekindle.command.web.CommandAnswer;
import app.rekindle.command.web.CommandContext;
import app.rekindle.command.web.IdempotentCommands;
import app.rekindle.events.PublishedEvent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * Imports a journal exported by the query service. The whole export is checked first; then its events are
 * appended to the event store as they were (same journal id, sequence numbers, event ids and times) in one
 * transaction, so the publisher sends them on and every view is rebuilt identically.
 */
@RestController
class ImportController {

    private final EventStore events;
    private final TransactionTemplate transaction;
    private final IdempotentCommands idempotent;

    ImportController(EventStore events, TransactionTemplate transaction, IdempotentCommands idempotent) {
        this.events = events;
        this.transaction = transaction;
        this.idempotent = idempotent;
    }

    @Operation(summary = "Import a journal from its json export; the whole export is checked before anything is written")
    @PostMapping("/journals/import")
    ResponseEntity<Object> importJournal(@RequestBody JsonNode export, @Parameter(hidden = true) CommandContext ctx) {
        // A retried import with the same Idempotency-Key answers as the first did, not 409 "already exists".
        return idempotent.run(ctx, export, () -> append(ExportReader.read(export, ctx.person())));
    }

    private CommandAnswer append(List<PublishedEvent> read) {
        String journalId = read.getFirst().journalId().toString();
        transaction.executeWithoutResult(status -> {
            if (events.lastSequenceNumberFor(journalId).isPresent()) {
                throw new JournalAlreadyExists();
            }
            events.publish(read.stream().map(published -> new GenericDomainEventMessage<>("Journal", journalId,
                    published.sequence(), published.event(), MetaData.emptyInstance(), published.eventId(),
                    published.event().recordedAt())).toList());
        });
        long version = read.getLast().sequence();
        return CommandAnswer.created("/journals/" + journalId,
                Map.of("journalId", read.getFirst().journalId(), "version", version));
    }

}
