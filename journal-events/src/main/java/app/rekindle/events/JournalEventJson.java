package app.rekindle.events;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

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

    private JournalEventJson() {
    }

    public static byte[] toBytes(JournalEvent event) {
        return MAPPER.writeValueAsBytes(event);
    }

    public static JournalEvent fromBytes(String typeName, byte[] json) {
        Class<? extends JournalEvent> type = EventTypes.classFor(typeName)
                .orElseThrow(() -> new UnknownEventTypeException(typeName));
        return MAPPER.readValue(json, type);
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }
}
