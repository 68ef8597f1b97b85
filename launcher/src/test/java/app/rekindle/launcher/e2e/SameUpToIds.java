package app.rekindle.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares an original journal's answers with an imported copy's, which are the same up to ids: the copy has
 * its own journal, entry and event ids. Ids are paired as they are met, at the same place in both answers; a
 * pairing must hold everywhere (one original id, one copy id), so the comparison still fails if an amendment
 * follows the wrong entry.
 */
final class SameUpToIds {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Map<String, String> toCopy = new HashMap<>();
    private final Map<String, String> toOriginal = new HashMap<>();

    SameUpToIds(String originalJournal, String copiedJournal) {
        pair(originalJournal, copiedJournal);
    }

    /** A path or text of the original with every id paired so far replaced by the copy's. */
    String inCopy(String original) {
        Matcher ids = ID.matcher(original);
        StringBuilder renamed = new StringBuilder();
        while (ids.find()) {
            ids.appendReplacement(renamed, toCopy.getOrDefault(ids.group(), ids.group()));
        }
        return ids.appendTail(renamed).toString();
    }

    void assertSame(String what, JsonNode original, JsonNode copy) {
        learn(original, copy);
        assertThat(renamed(original)).as(what).isEqualTo(copy);
    }

    /** Pairs the ids found at the same places; where the shapes differ, the comparison will say so. */
    private void learn(JsonNode original, JsonNode copy) {
        if (original.isTextual() && copy.isTextual()) {
            Matcher left = ID.matcher(original.asText());
            Matcher right = ID.matcher(copy.asText());
            while (left.find() && right.find()) {
                pair(left.group(), right.group());
            }
        } else if (original.isArray() && copy.isArray()) {
            for (int i = 0; i < Math.min(original.size(), copy.size()); i++) {
                learn(original.get(i), copy.get(i));
            }
        } else if (original.isObject() && copy.isObject()) {
            for (Iterator<String> names = original.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (copy.has(name)) {
                    learn(original.get(name), copy.get(name));
                }
            }
        }
    }

    private void pair(String original, String copy) {
        assertThat(toCopy.getOrDefault(original, copy))
                .as("the copy's id for " + original)
                .isEqualTo(copy);
        assertThat(toOriginal.getOrDefault(copy, original))
                .as("the original's id for " + copy)
                .isEqualTo(original);
        assertThat(copy).as("an imported journal's ids are its own").isNotEqualTo(original);
        toCopy.put(original, copy);
        toOriginal.put(copy, original);
    }

    private JsonNode renamed(JsonNode original) {
        if (original.isTextual()) {
            return TextNode.valueOf(inCopy(original.asText()));
        }
        JsonNode copy = original.deepCopy();
        if (copy.isArray()) {
            for (int i = 0; i < copy.size(); i++) {
                ((ArrayNode) copy).set(i, renamed(copy.get(i)));
            }
        } else if (copy.isObject()) {
            ObjectNode object = (ObjectNode) copy;
            for (Iterator<String> names = original.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                object.set(name, renamed(original.get(name)));
            }
        }
        return copy;
    }
}
