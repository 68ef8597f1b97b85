package app.rekindle.support.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bad versions of one request body, derived from its OpenAPI schema (types, required, enum, minimum, maximum,
 * maxLength) and example: each breaks exactly one property's rule, so the answer must name that property.
 */
final class BodyMutations {

    /** ASCII-only output, so control characters and lone surrogates travel as \\uXXXX escapes, as an attacker sends them. */
    private static final JsonMapper JSON =
            JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    static final Set<String> MISSING = Set.of("required", "not-blank", "notempty");
    /** Jackson reads some wrong shapes (an empty array) as null, which the required rule then names. */
    private static final Set<String> READABLE = Set.of("readable", "required");

    private static final String[] UNSAFE_TEXT = {
        "\u0000", "a\u0007b", "\u202Egnp.exe", "x\ud800y", "\uFFFF", "\u009b31m", "line\u001b[2J"
    };
    private static final String[] INJECTIONS = {
        "'; DROP TABLE domain_event_entry; --",
        "<script>alert(1)</script>",
        "${jndi:ldap://x/a}",
        "../../../etc/passwd",
        "1 OR 1=1"
    };

    private final BadRequest base;
    private final ObjectNode example;
    private final List<BadRequest> out = new ArrayList<>();

    private BodyMutations(BadRequest base, ObjectNode example) {
        this.base = base;
        this.example = example;
    }

    static List<BadRequest> of(BadRequest base, JsonNode schema) {
        BodyMutations mutations = new BodyMutations(base, (ObjectNode) schema.get("example"));
        Set<String> required = new java.util.HashSet<>();
        schema.path("required").forEach(name -> required.add(name.asString()));
        schema.path("properties")
                .properties()
                .forEach(property -> mutations.property(
                        property.getKey(), property.getValue(), required.contains(property.getKey())));
        return mutations.out;
    }

    private void property(String name, JsonNode schema, boolean required) {
        if (required) {
            add("missing", name, without(name), MISSING);
            add("missing", name, with(name, "null"), MISSING);
        }
        String type = schema.path("type").asString("");
        String format = schema.path("format").asString("");
        if (schema.has("enum")) {
            for (String value : new String[] {
                "\"SERENADE\"", quote(schema.get("enum").get(0).asString().toLowerCase()), "1", "\"' OR '1'='1\"", "{}"
            }) {
                add("unknown-enum", name, with(name, value), READABLE);
            }
        } else if (type.equals("integer")) {
            integer(name, schema);
        } else if (type.equals("boolean")) {
            for (String value : new String[] {"\"maybe\"", "{}", "[true]"}) {
                add("wrong-type", name, with(name, value), READABLE);
            }
            for (String value : new String[] {"1", "0", "\"true\"", "\"false\"", "\"\""}) {
                add("not-converted", name, with(name, value), Set.of("readable"));
            }
        } else if (type.equals("object")) {
            add("wrong-type", name, with(name, "[]"), READABLE);
            add("wrong-type", name, with(name, "\"text\""), READABLE);
            add("missing", name, with(name, "{}"), Set.of());
        } else if (format.startsWith("date")) {
            for (String value : new String[] {"\"yesterday\"", "\"2026-13-45T99:99:99Z\"", "\"31/12/2026\"", "[]"}) {
                add("wrong-type", name, with(name, value), READABLE);
            }
            for (String injection : INJECTIONS) {
                add("injection", name, with(name, quote(injection)), READABLE);
            }
            // Strict JSON: dates and instants only as ISO-8601 text; a date-time is not a date (its time would
            // be dropped) and an epoch number is not an instant.
            String[] notConverted = format.equals("date")
                    ? new String[] {
                        "[2026,1,1]", "\"2026-01-01T10:00:00\"", "\"2026-01-01T10:00:00Z\"", "20454", "\"20454\""
                    }
                    : new String[] {
                        "1767225600",
                        "1767225600000",
                        "1767225600.5",
                        "\"1767225600\"",
                        "[2026,1,1,10,0]",
                        "\"2026-01-01\""
                    };
            for (String value : notConverted) {
                add("not-converted", name, with(name, value), Set.of("readable"));
            }
        } else if (type.equals("string")) {
            text(name, schema);
        }
    }

    private void integer(String name, JsonNode schema) {
        for (String value : new String[] {"\"abc\"", "{}", "1.5", "2147483648", "1e400", "\"1; DROP TABLE x\""}) {
            add("wrong-type", name, with(name, value), READABLE);
        }
        // Strict JSON: a number sent as text, padded, empty, as a float or a boolean is not converted.
        for (String value : new String[] {"\"4\"", "\" 4\"", "\"\"", "4.0", "true"}) {
            add("not-converted", name, with(name, value), Set.of("readable"));
        }
        if (schema.has("minimum")) {
            add(
                    "out-of-range",
                    name,
                    with(name, String.valueOf(schema.get("minimum").asLong() - 1)),
                    Set.of("range"));
            add("out-of-range", name, with(name, "-2147483648"), Set.of("range"));
        }
        if (schema.has("maximum")) {
            add(
                    "out-of-range",
                    name,
                    with(name, String.valueOf(schema.get("maximum").asLong() + 1)),
                    Set.of("range"));
        }
    }

    private void text(String name, JsonNode schema) {
        add("wrong-type", name, with(name, "{}"), READABLE);
        add("wrong-type", name, with(name, "[\"a\"]"), READABLE);
        // Strict JSON: a number or a boolean is not text.
        for (String value : new String[] {"123", "1.5", "true"}) {
            add("not-converted", name, with(name, value), Set.of("readable"));
        }
        if (schema.has("maxLength")) {
            int max = schema.get("maxLength").asInt();
            add("too-long", name, with(name, quote("x".repeat(max + 1))), Set.of("max-length"));
            add("huge-string", name, with(name, quote("é".repeat(30_000))), Set.of("max-length"));
        }
        for (String unsafe : UNSAFE_TEXT) {
            add("control-characters", name, with(name, quote(unsafe)), Set.of("characters"));
        }
    }

    private ObjectNode without(String name) {
        ObjectNode copy = example.deepCopy();
        copy.remove(name);
        return copy;
    }

    private ObjectNode with(String name, String json) {
        ObjectNode copy = example.deepCopy();
        copy.set(name, JSON.readTree(json));
        return copy;
    }

    private void add(String category, String field, ObjectNode body, Set<String> rules) {
        String json = JSON.writeValueAsString(body);
        BadRequest request = base.json(json).answers(400, field, rules.toArray(String[]::new));
        JsonNode value = body.get(field);
        if (value != null && value.isString() && value.asString().length() >= 4) {
            request = request.secret(value.asString());
        }
        out.add(new BadRequest(
                category,
                request.method(),
                request.path(),
                request.headers(),
                request.body(),
                false,
                request.status(),
                request.field(),
                request.rules(),
                request.secrets()));
    }

    /** A JSON string literal; Jackson escapes what must be escaped (a lone surrogate as \\ud800). */
    private static String quote(String text) {
        return JSON.writeValueAsString(text);
    }
}
