package app.rekindle.command.imports;

import app.rekindle.command.journal.JournalImport;
import app.rekindle.command.journal.JournalRejection.InvalidField;
import app.rekindle.events.EventType;
import app.rekindle.events.EventTypes;
import app.rekindle.events.JournalEvent;
import app.rekindle.events.JournalEventJson;
import app.rekindle.events.PublishedEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Reads and checks a journal export (the query service's {@code export?format=json}) completely before
 * anything is written: the format, one journal, sequence numbers 0..n without gaps, known event types and
 * versions (older ones upcast). Every event is then decided again by the journal's own rules
 * ({@link JournalImport}) and given fresh ids ({@link FreshIds}); the export's event ids are not used at all.
 * The first problem found is answered, naming where it is.
 */
final class ExportReader {

    static final String FORMAT = "rekindle.journal-export/1";

    private ExportReader() {}

    /** The exported journal's id, and its events as the new journal's. */
    record Imported(UUID importedFrom, List<PublishedEvent> events) {}

    static Imported read(JsonNode export, String person, Instant now) {
        if (export == null || !export.isObject() || !FORMAT.equals(text(export, "format"))) {
            throw new InvalidField("format", "value", "must be " + FORMAT);
        }
        UUID journalId = uuid(text(export, "journalId"), "journalId");
        JsonNode events = export.get("events");
        if (events == null || !events.isArray() || events.isEmpty()) {
            throw new InvalidField("events", "required", "must list the journal's events");
        }
        JournalImport rules = new JournalImport(person, now);
        FreshIds ids = new FreshIds();
        List<PublishedEvent> read = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            String at = "events[" + i + "]";
            JsonNode envelope = events.get(i);
            String type = text(envelope, "type");
            EventType known = EventTypes.classFor(type == null ? "" : type)
                    .map(EventTypes::typeOf)
                    .orElseThrow(() -> new InvalidField(at + ".type", "known", "is not a known event type"));
            JsonNode version = envelope.path("version");
            if (!version.isIntegralNumber()
                    || !version.canConvertToInt()
                    || version.asInt() < 1
                    || version.asInt() > known.version()) {
                throw new InvalidField(at + ".version", "supported", "must be between 1 and " + known.version());
            }
            JsonNode sequence = envelope.path("sequence");
            if (!sequence.isIntegralNumber() || !sequence.canConvertToInt() || sequence.asInt() != i) {
                throw new InvalidField(at + ".sequence", "contiguous", "must be " + i);
            }
            JournalEvent event = event(type, version.asInt(), envelope.get("event"), at);
            if (!journalId.equals(event.journalId())) {
                throw new InvalidField(at + ".event.journalId", "same-journal", "must be the export's journalId");
            }
            read.add(new PublishedEvent(
                    UUID.randomUUID().toString(), ids.journalId(), i, known, ids.of(decided(rules, event, at))));
        }
        return new Imported(journalId, read);
    }

    private static JournalEvent decided(JournalImport rules, JournalEvent event, String at) {
        try {
            return rules.next(event);
        } catch (InvalidField invalid) {
            String field = invalid.field().equals("type") ? at + ".type" : at + ".event." + invalid.field();
            throw new InvalidField(field, invalid.rule(), invalid.getMessage());
        }
    }

    /** Older versions are upcast: an export made before an event type changed still imports. */
    private static JournalEvent event(String type, int version, JsonNode json, String at) {
        if (json == null || !json.isObject()) {
            throw new InvalidField(at + ".event", "required", "must be the event as JSON");
        }
        JournalEvent event;
        try {
            event = JournalEventJson.fromBytes(type, version, json.toString().getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            // Whatever fails in reading or upcasting an exported event, the export is at fault, not the service.
            throw new InvalidField(at + ".event", "readable", "is not a readable " + type + " event");
        }
        if (event.journalId() == null || event.occurredAt() == null || event.recordedAt() == null) {
            throw new InvalidField(at + ".event", "complete", "must carry journalId, occurredAt and recordedAt");
        }
        return event;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || !value.isString() ? null : value.asString();
    }

    private static UUID uuid(String value, String field) {
        try {
            return UUID.fromString(value);
        } catch (RuntimeException e) {
            throw new InvalidField(field, "uuid", "must be a journal id");
        }
    }
}
