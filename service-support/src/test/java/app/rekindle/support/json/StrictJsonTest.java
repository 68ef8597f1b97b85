package app.rekindle.support.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class StrictJsonTest {

    private static final JsonMapper JSON =
            StrictJson.apply(JsonMapper.builder()).build();

    enum Kind {
        HUG,
        CALL
    }

    record Body(
            Integer mood,
            int minutes,
            String note,
            Boolean laughed,
            boolean flag,
            LocalDate day,
            Instant at,
            Kind kind,
            Map<String, Object> changes) {}

    private static final String VALID = """
            {"mood":4,"minutes":30,"note":"fine","laughed":true,"flag":false,"day":"2026-01-01",
             "at":"2026-01-01T10:00:00Z","kind":"HUG","changes":{"mood":"4","note":123,"flag":1}}""";

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"mood\":\"4\"",
                "\"mood\":\" 4\"",
                "\"mood\":\"\"",
                "\"mood\":4.0",
                "\"mood\":1.5",
                "\"mood\":true",
                "\"minutes\":\"30\"",
                "\"minutes\":null",
                "\"note\":123",
                "\"note\":1.5",
                "\"note\":true",
                "\"note\":[\"a\"]",
                "\"note\":{}",
                "\"laughed\":1",
                "\"laughed\":0",
                "\"laughed\":\"true\"",
                "\"laughed\":\"\"",
                "\"flag\":1",
                "\"flag\":\"false\"",
                "\"day\":[2026,1,1]",
                "\"day\":\"2026-01-01T10:00:00\"",
                "\"day\":\"2026-01-01T10:00:00Z\"",
                "\"day\":20000",
                "\"day\":\"\"",
                "\"at\":1767225600",
                "\"at\":1767225600000",
                "\"at\":1767225600.5",
                "\"at\":\"1767225600\"",
                "\"at\":[2026,1,1,10,0]",
                "\"at\":\"2026-01-01\"",
                "\"at\":\"\"",
                "\"kind\":0",
                "\"kind\":\"hug\"",
                "\"kind\":\"\"",
                "\"kind\":true"
            })
    void a_value_of_the_wrong_type_is_refused_naming_its_field(String replacement) {
        String field = replacement.substring(1, replacement.indexOf('"', 1));
        String json = VALID.replaceFirst(
                "\"" + field + "\":(\"[^\"]*\"|[^,}]*)", java.util.regex.Matcher.quoteReplacement(replacement));
        assertThat(json).contains(replacement);

        assertThatThrownBy(() -> JSON.readValue(json, Body.class))
                .isInstanceOfSatisfying(JacksonException.class, e -> assertThat(e.getPath())
                        .first()
                        .extracting(JacksonException.Reference::getPropertyName)
                        .isEqualTo(field));
    }

    @org.junit.jupiter.api.Test
    void well_typed_values_read_and_untyped_values_stay_as_sent() {
        Body body = JSON.readValue(VALID, Body.class);

        assertThat(body.mood()).isEqualTo(4);
        assertThat(body.day()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(body.at()).isEqualTo(Instant.parse("2026-01-01T10:00:00Z"));
        assertThat(body.changes())
                .containsEntry("mood", "4")
                .containsEntry("note", 123)
                .containsEntry("flag", 1);
        JsonNode tree = JSON.readTree("{\"a\":[2026,1,1],\"b\":\"4\"}");
        assertThat(tree.get("a").isArray()).isTrue();
    }
}
