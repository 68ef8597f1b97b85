package app.rekindle.query.export;

import app.rekindle.events.JournalEventJson;
import app.rekindle.query.history.LoggedEvent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The complete event history, each event in a CloudEvents-like envelope: enough to rebuild every view
 * (and, one day, to import the journal elsewhere). The events are embedded as they are stored.
 */
final class JsonExport {

    static final String FORMAT = "rekindle.journal-export/1";

    private JsonExport() {
    }

    static String of(UUID journalId, long version, List<LoggedEvent> events) {
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("format", FORMAT);
        export.put("journalId", journalId);
        export.put("version", version);
        export.put("events", events.stream().map(JsonExport::envelope).toList());
        return JournalEventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(export);
    }

    private static Map<String, Object> envelope(LoggedEvent event) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", event.eventId());
        envelope.put("type", event.type());
        envelope.put("version", event.schemaVersion());
        envelope.put("sequence", event.sequence());
        envelope.put("time", event.recordedAt().toString());
        envelope.put("event", JournalEventJson.mapper().readTree(event.event()));
        return envelope;
    }
}
