package app.rekindle.events;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of events on Kafka and in exports. Dates are ISO-8601 strings; unknown fields are
 * tolerated so that a consumer still reads events written by a newer producer that added a field.
 */
public final class JournalEventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // Same event, same bytes: amendments carry a map whose iteration order is not stable.
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private JournalEventJson() {}

    public static byte[] toBytes(JournalEvent event) {
        return MAPPER.writeValueAsBytes(event);
    }

    /** Reads JSON written at the current version of its type. */
    public static JournalEvent fromBytes(String typeName, byte[] json) {
        return MAPPER.readValue(json, classOf(typeName));
    }

    /**
     * Reads JSON written at {@code version}: older versions are upcast first (see {@link EventUpcasters}); a
     * newer one is read leniently, its new fields ignored.
     */
    public static JournalEvent fromBytes(String typeName, int version, byte[] json) {
        Class<? extends JournalEvent> type = classOf(typeName);
        if (!EventUpcasters.needsUpcasting(typeName, version)) {
            return MAPPER.readValue(json, type);
        }
        if (!(MAPPER.readTree(json) instanceof ObjectNode tree)) {
            return MAPPER.readValue(json, type); // not an object: fails with Jackson's own message
        }
        return MAPPER.treeToValue(EventUpcasters.toCurrent(typeName, version, tree), type);
    }

    private static Class<? extends JournalEvent> classOf(String typeName) {
        return EventTypes.classFor(typeName).orElseThrow(() -> new UnknownEventTypeException(typeName));
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }
}
