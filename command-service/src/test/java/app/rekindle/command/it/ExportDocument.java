package app.rekindle.command.it;

import app.rekindle.events.EventTypes;
import app.rekindle.events.JournalEvent;
import app.rekindle.events.JournalEventJson;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A small export in the query service's json format, as an import takes it. */
final class ExportDocument {

    private ExportDocument() {}

    /** A journal opened by the owner with one check-in, under a fresh id. */
    static String of(String owner) {
        UUID journal = UUID.randomUUID();
        Instant at = Instant.parse("2026-02-01T09:00:00Z");
        return of(
                        journal,
                        List.of(
                                new JournalEvent.JournalOpened(journal, owner, "Sam", "Back", "UTC", at, at),
                                new JournalEvent.CheckedIn(journal, UUID.randomUUID(), 4, 3, null, at, at)))
                .toString();
    }

    /** The events as an export of {@code journal}, each under a fresh event id; change it before sending. */
    static ObjectNode of(UUID journal, List<JournalEvent> events) {
        ObjectNode export = JournalEventJson.mapper().createObjectNode();
        export.put("format", "rekindle.journal-export/1");
        export.put("journalId", journal.toString());
        ArrayNode list = export.putArray("events");
        for (int i = 0; i < events.size(); i++) {
            ObjectNode envelope = list.addObject();
            envelope.put("id", UUID.randomUUID().toString());
            envelope.put("type", EventTypes.of(events.get(i)).name());
            envelope.put("version", EventTypes.of(events.get(i)).version());
            envelope.put("sequence", i);
            envelope.set("event", JournalEventJson.mapper().valueToTree(events.get(i)));
        }
        return export;
    }
}
