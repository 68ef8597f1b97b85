package app.rekindle.command.imports;

import app.rekindle.command.journal.InvalidField;
import app.rekindle.events.EventType;
import app.rekindle.events.EventTypes;
import app.rekindle.events.JournalEvent;
import app.rekindle.events.JournalEvent.*;
import app.rekindle.events.JournalEventJson;
import app.rekindle.events.PublishedEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Reads and checks a journal export (the query service's {@code export?format=json}) completely before
 * anything is written: the format, one journal, sequence numbers 0..n without gaps, known event types and
 * versions (older ones upcast), a journal opened by the importing person first, and every correction referring to an entry
 * logged before it. The first problem found is answered, naming where it is.
 */
final class ExportReader {

    static final String FORMAT = "rekindle.journal-export/1";

    private ExportReader() {
    }

    static List<PublishedEvent> read(JsonNode export, String person) {
        if (export == null || !export.isObject() || !FORMAT.equals(text(export, "format"))) {
            throw new InvalidField("format", "value", "must be " + FORMAT);
        }
        UUID journalId = uuid(text(export, "journalId"), "journalId");
        JsonNode events = export.get("events");
        if (events == null || !events.isArray() || events.isEmpty()) {
            throw new InvalidField("events", "required", "must list the journal's events");
        }
        List<PublishedEvent> read = new ArrayList<>();
        Set<UUID> entries = new HashSet<>();
        for (int i = 0; i < events.size(); i++) {
            String at = "events[" + i + "]";
            JsonNode envelope = events.get(i);
            String type = text(envelope, "type");
            EventType known = EventTypes.classFor(type == null ? "" : type).map(EventTypes::typeOf)
                    .orElseThrow(() -> new InvalidField(at + ".type", "known", "is not a known event type"));
            JsonNode version = envelope.path("version");
            if (!version.isIntegralNumber() || version.asInt() < 1 || version.asInt() > known.version()) {
                throw new InvalidField(at + ".version", "supported", "must be between 1 and " + known.version());
            }
            if (!envelope.path("sequence").isIntegralNumber() || envelope.get("sequence").asLong() != i) {
                throw new InvalidField(at + ".sequence", "contiguous", "must be " + i);
            }
            JournalEvent event = event(type, version.asInt(), envelope.get("event"), at);
            if (!journalId.equals(event.journalId())) {
                throw new InvalidField(at + ".event.journalId", "same-journal", "must be the export's journalId");
            }
            check(event, i, at, person, entries);
            String id = text(envelope, "id");
            read.add(new PublishedEvent(id == null || id.isBlank() ? UUID.randomUUID().toString() : id, journalId, i,
                    known, event));
        }
        return read;
    }

    private static void check(JournalEvent event, int i, String at, String person, Set<UUID> entries) {
        if ((i == 0) != (event instanceof JournalOpened)) {
            throw new InvalidField(at + ".type", "opened-first", "the journal must be opened first, and once");
        }
        switch (event) {
            case JournalOpened opened when !person.equals(opened.ownerId()) ->
                    throw new InvalidField(at + ".event.ownerId", "owner", "must be the person importing it");
            case JournalErased erased -> throw new InvalidField(at + ".type", "not-erased", "an erased journal cannot be imported");
            case EntryLogged logged when !entries.add(logged.entryId()) ->
                    throw new InvalidField(at + ".event.entryId", "unique", "is logged twice");
            case EntryAmended amended -> known(entries, amended.entryId(), at);
            case EntryRetracted retracted -> known(entries, retracted.entryId(), at);
            case DateHappened happened -> known(entries, happened.entryId(), at);
            case DateCancelled cancelled -> known(entries, cancelled.entryId(), at);
            default -> {
            }
        }
    }

    private static void known(Set<UUID> entries, UUID entryId, String at) {
        if (!entries.contains(entryId)) {
            throw new InvalidField(at + ".event.entryId", "logged-before", "must be an entry logged earlier");
        }
    }

    /** Older versions are upcast: an export made before an event type changed still imports. */
    private static JournalEvent event(String type, int version, JsonNode json, String at) {
        if (json == null || !json.isObject()) {
            throw new InvalidField(at + ".event", "required", "must be the event as JSON");
        }
        try {
            JournalEvent event = JournalEventJson.fromBytes(type, version,
                    json.toString().getBytes(StandardCharsets.UTF_8));
            if (event.journalId() == null || event.occurredAt() == null || event.recordedAt() == null) {
                throw new InvalidField(at + ".event", "complete", "must carry journalId, occurredAt and recordedAt");
            }
            return event;
        } catch (JacksonException | IllegalArgumentException e) {
            throw new InvalidField(at + ".event", "readable", "is not a readable " + type + " event");
        }
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
