package app.rekindle.events.privacy;

import app.rekindle.events.EventTypes;
import app.rekindle.events.EventUpcasters;
import app.rekindle.events.JournalEvent;
import app.rekindle.events.JournalEventJson;
import app.rekindle.events.UnknownEventTypeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The stored and published JSON of an event whose free text is sealed: each free-text value becomes
 * {@code enc:v1:…} under the journal's data key and {@code keyId} names that key. Structured fields stay as
 * they are. An event with no free text to seal keeps its plain form, and a plain (older) event reads as it
 * always did. Without the key (erased journal) the event still loads, with its free text null (and an amendment's
 * free-text changes left out).
 */
public final class SealedEvents {

    public static final String KEY_ID = "keyId";

    private SealedEvents() {}

    /** The event's JSON with its free text sealed; the key is asked for only if there is free text. */
    public static byte[] seal(JournalEvent event, Function<UUID, DataKey> keyOfJournal) {
        ObjectNode tree = JournalEventJson.mapper().valueToTree(event);
        List<String> fields = sealableFields(event.getClass(), tree);
        if (fields.isEmpty()) {
            return JournalEventJson.mapper().writeValueAsBytes(tree);
        }
        DataKey key = keyOfJournal.apply(event.journalId());
        String type = EventTypes.of(event).name();
        for (String field : fields) {
            ObjectNode holder = holderOf(tree, field);
            String name = leafOf(field);
            holder.put(name, FreeTextCipher.seal(holder.get(name).stringValue(), key, place(key, tree, type, field)));
        }
        tree.put(KEY_ID, key.keyId());
        return JournalEventJson.mapper().writeValueAsBytes(tree);
    }

    /**
     * Reads stored or published JSON of the current version, opening sealed free text with the key {@code keys}
     * finds.
     *
     * @throws TamperedFreeText when a sealed value does not authenticate
     */
    public static JournalEvent open(String typeName, byte[] json, DataKeys keys) {
        Class<? extends JournalEvent> type =
                EventTypes.classFor(typeName).orElseThrow(() -> new UnknownEventTypeException(typeName));
        return open(typeName, EventTypes.typeOf(type).version(), json, keys);
    }

    /**
     * Reads stored or published JSON written at {@code version}: sealed free text is opened (the ciphertext is
     * bound to the fields as written), then the JSON is upcast to the current version.
     *
     * @throws TamperedFreeText when a sealed value does not authenticate
     */
    public static JournalEvent open(String typeName, int version, byte[] json, DataKeys keys) {
        Class<? extends JournalEvent> type =
                EventTypes.classFor(typeName).orElseThrow(() -> new UnknownEventTypeException(typeName));
        JsonNode node = JournalEventJson.mapper().readTree(json);
        if (node instanceof ObjectNode tree
                && tree.get(KEY_ID) != null
                && tree.get(KEY_ID).isString()) {
            String keyId = tree.remove(KEY_ID).stringValue();
            Optional<DataKey> key = keys.find(journalIdOf(tree), keyId);
            for (String field : sealableFields(type, tree)) {
                ObjectNode holder = holderOf(tree, field);
                String name = leafOf(field);
                String value = holder.get(name).stringValue();
                if (!FreeTextCipher.isSealed(value)) {
                    continue;
                }
                if (key.isPresent()) {
                    holder.put(name, FreeTextCipher.open(value, key.get(), place(key.get(), tree, typeName, field)));
                } else if (holder == tree) {
                    holder.putNull(name);
                } else {
                    // An amendment's changes hold no nulls: a change whose value is gone is left out.
                    holder.remove(name);
                }
            }
        }
        if (node instanceof ObjectNode tree && EventUpcasters.needsUpcasting(typeName, version)) {
            return JournalEventJson.mapper().treeToValue(EventUpcasters.toCurrent(typeName, version, tree), type);
        }
        return JournalEventJson.mapper().treeToValue(node, type);
    }

    private static UUID journalIdOf(ObjectNode tree) {
        JsonNode journalId = tree.get("journalId");
        if (journalId == null || !journalId.isString()) {
            throw new IllegalArgumentException("A sealed event names no journal");
        }
        return UUID.fromString(journalId.stringValue());
    }

    /** Paths ({@code topic}, {@code changes.topic}) of the free-text values present as strings. */
    private static List<String> sealableFields(Class<?> type, ObjectNode tree) {
        List<String> fields = new ArrayList<>();
        for (String field : FreeTextFields.of(type)) {
            if (tree.get(field) != null && tree.get(field).isString()) {
                fields.add(field);
            }
        }
        if (tree.get(FreeTextFields.CHANGES) instanceof ObjectNode changes) {
            for (String name : changes.propertyNames()) {
                if (FreeTextFields.ENTRY_FIELDS.contains(name)
                        && changes.get(name).isString()) {
                    fields.add(FreeTextFields.CHANGES + "." + name);
                }
            }
        }
        return fields;
    }

    private static ObjectNode holderOf(ObjectNode tree, String field) {
        return field.startsWith(FreeTextFields.CHANGES + ".") ? (ObjectNode) tree.get(FreeTextFields.CHANGES) : tree;
    }

    private static String leafOf(String field) {
        return field.substring(field.lastIndexOf('.') + 1);
    }

    /** Binds a ciphertext to its key, journal, event type, entry and field: moved anywhere else, it fails to open. */
    private static String place(DataKey key, ObjectNode tree, String type, String field) {
        JsonNode entry = tree.get("entryId");
        return "rekindle|" + key.keyId() + "|" + tree.get("journalId").stringValue() + "|" + type + "|"
                + (entry == null || entry.isNull() ? "-" : entry.stringValue()) + "|" + field;
    }
}
