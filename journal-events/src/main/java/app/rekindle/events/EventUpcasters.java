package app.rekindle.events;

import java.util.Map;
import java.util.function.UnaryOperator;
import tools.jackson.databind.node.ObjectNode;

/**
 * Brings the JSON of an older event version up to the current one, one version at a time, before it is read
 * into the contract's record. Every reader of stored or published events goes through here: the command
 * service's event store (via an Axon upcaster), the query service's consumer, its event log, and imports.
 *
 * <p>A step is keyed by event name and the version it starts from; it must never be changed once released,
 * since old events everywhere (event store, Kafka, backups, exports) depend on it.
 */
public final class EventUpcasters {

    private static final Map<String, Map<Integer, UnaryOperator<ObjectNode>>> STEPS =
            Map.of("conversation-logged", Map.of(1, EventUpcasters::conversationGainsChannel));

    private EventUpcasters() {}

    /**
     * The JSON of event {@code name} at {@code version}, upcast in place to the current version.
     *
     * @throws UnknownEventTypeException when the name is unknown or a step from an old version is missing
     */
    public static ObjectNode toCurrent(String name, int version, ObjectNode json) {
        int current = currentVersion(name);
        ObjectNode upcast = json;
        for (int from = version; from < current; from++) {
            UnaryOperator<ObjectNode> step = STEPS.getOrDefault(name, Map.of()).get(from);
            if (step == null) {
                throw new UnknownEventTypeException(name + " v" + from + " (no upcaster to v" + (from + 1) + ")");
            }
            upcast = step.apply(upcast);
        }
        return upcast;
    }

    /** True when JSON of this version must pass through {@link #toCurrent} before it is read. */
    public static boolean needsUpcasting(String name, int version) {
        return version < currentVersion(name);
    }

    private static int currentVersion(String name) {
        Class<? extends JournalEvent> type =
                EventTypes.classFor(name).orElseThrow(() -> new UnknownEventTypeException(name));
        return EventTypes.typeOf(type).version();
    }

    /** v1 → v2: nobody was asked how a conversation took place, so it is explicitly not recorded. */
    private static ObjectNode conversationGainsChannel(ObjectNode v1) {
        if (!v1.has("channel")) {
            v1.put("channel", ConversationChannel.NOT_RECORDED.name());
        }
        return v1;
    }
}
