package app.rekindle.command.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rekindle.command.journal.JournalRejection.InvalidField;
import app.rekindle.events.EntryKind;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every amendable field of every kind of entry, sent every kind of JSON value it does not take (null, an object,
 * an array, a number, text, a boolean, a number too big for any int), is refused as an InvalidField naming it:
 * never a NullPointerException or ClassCastException that would answer 500.
 */
class AmendedValueTypesTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    /** Values as Jackson hands them over in a {@code Map<String, Object>}. */
    private static final List<Object> JSON_VALUES = Arrays.asList(
            null, Map.of("a", 1), List.of(1, 2), 3, 3.5, new BigInteger("99999999999999999999"), "text", true, "");

    static Stream<Arguments> every_field_and_wrong_value() {
        return Stream.of(EntryKind.values()).flatMap(kind -> fieldsOf(kind).stream()
                .flatMap(field -> JSON_VALUES.stream().map(value -> Arguments.of(kind, field, value))));
    }

    @ParameterizedTest(name = "{0}.{1} = {2}")
    @MethodSource("every_field_and_wrong_value")
    void a_value_is_either_accepted_or_refused_as_an_invalid_field(EntryKind kind, String field, Object value) {
        Map<String, Object> changes = new HashMap<>();
        changes.put(field, value);
        try {
            Map<String, Object> checked = Amendments.check(kind, changes, NOW);
            // Only a value of the field's own type passes, and it is stored as a JSON scalar.
            assertThat(checked.get(field)).isInstanceOfAny(String.class, Integer.class, Boolean.class);
        } catch (InvalidField invalid) {
            assertThat(invalid.field()).isEqualTo("changes." + field);
        }
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("every_field")
    void null_is_refused_for_every_amendable_field(EntryKind kind, String field) {
        Map<String, Object> changes = new HashMap<>();
        changes.put(field, null);
        assertThatThrownBy(() -> Amendments.check(kind, changes, NOW))
                .isInstanceOfSatisfying(
                        InvalidField.class, invalid -> assertThat(invalid.field() + " " + invalid.rule())
                                .isEqualTo("changes." + field + " not-null"));
    }

    static Stream<Arguments> every_field() {
        return Stream.of(EntryKind.values())
                .flatMap(kind -> fieldsOf(kind).stream().map(field -> Arguments.of(kind, field)));
    }

    private static List<String> fieldsOf(EntryKind kind) {
        return Amendments.amendable(kind).stream().sorted().toList();
    }
}
