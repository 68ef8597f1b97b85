package app.rekindle.query.timeline;

import app.rekindle.events.JournalEvent;
import app.rekindle.events.JournalEventJson;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An entry's values as a JSON object keyed by the logging event's own field names, so amendments (which
 * use those names) merge straight in and clients see the same vocabulary as the command API.
 */
public final class EntryFields {

    /** Identity and bookkeeping live in columns, not in the values a person can amend. */
    private static final Set<String> NOT_FIELDS = Set.of("journalId", "entryId", "recordedAt", "kind");

    /** The fields people write in their own words; only these are searched by {@code q}. */
    private static final Set<String> FREE_TEXT = Set.of(
            "text",
            "myPart",
            "theirPart",
            "lesson",
            "topic",
            "notes",
            "description",
            "idea",
            "memory",
            "cancelReason",
            "activity",
            "newMemory",
            "pursuit",
            "note");

    private EntryFields() {}

    @SuppressWarnings("unchecked")
    public static Map<String, Object> of(JournalEvent.EntryLogged logged) {
        Map<String, Object> fields =
                new LinkedHashMap<>(JournalEventJson.mapper().convertValue(logged, Map.class));
        fields.keySet().removeAll(NOT_FIELDS);
        if (logged instanceof JournalEvent.DatePlanned) {
            fields.put("status", "PLANNED");
        }
        return fields;
    }

    public static String toJson(Map<String, ?> fields) {
        return JournalEventJson.mapper().writeValueAsString(fields);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> fromJson(String json) {
        return new LinkedHashMap<>(JournalEventJson.mapper().readValue(json, Map.class));
    }

    public static String searchText(Map<String, Object> fields) {
        return fields.entrySet().stream()
                .filter(field -> FREE_TEXT.contains(field.getKey()) && field.getValue() != null)
                .map(field -> field.getValue().toString().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining("\n"));
    }
}
