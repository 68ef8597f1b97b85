package app.rekindle.command.journal;

import app.rekindle.command.journal.JournalRejection.InvalidField;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/** Checks one amended value as it arrives from JSON and returns the scalar to store in the event. */
@FunctionalInterface
interface AmendableValue {

    Object check(String field, Object raw, Instant now);

    static AmendableValue shortText() {
        return (field, raw, now) -> FieldRules.shortText(field, text(field, raw));
    }

    static AmendableValue longText() {
        return (field, raw, now) -> FieldRules.longText(field, text(field, raw));
    }

    static AmendableValue optionalLongText() {
        return (field, raw, now) -> FieldRules.optionalLongText(field, text(field, raw));
    }

    static AmendableValue rating() {
        return (field, raw, now) -> FieldRules.rating(field, integer(field, raw));
    }

    static AmendableValue minutes() {
        return (field, raw, now) -> FieldRules.minutes(field, integer(field, raw));
    }

    static AmendableValue bool() {
        return (field, raw, now) -> {
            if (raw instanceof Boolean value) {
                return value;
            }
            throw wrongType(field, "true or false");
        };
    }

    static AmendableValue plannedInstant() {
        return (field, raw, now) ->
                FieldRules.planned(field, parseInstant(field, raw), now).toString();
    }

    static AmendableValue pastInstant() {
        return (field, raw, now) ->
                FieldRules.happened(field, parseInstant(field, raw), now).toString();
    }

    static AmendableValue day() {
        return (field, raw, now) -> {
            try {
                return FieldRules.happened(field, LocalDate.parse(FieldRules.required(field, text(field, raw))), now)
                        .toString();
            } catch (DateTimeParseException e) {
                throw wrongType(field, "an ISO-8601 date");
            }
        };
    }

    static <E extends Enum<E>> AmendableValue oneOf(Class<E> type) {
        return (field, raw, now) -> {
            String name = FieldRules.required(field, text(field, raw));
            return Arrays.stream(type.getEnumConstants())
                    .map(Enum::name)
                    .filter(name::equals)
                    .findFirst()
                    .orElseThrow(() -> wrongType(field, "one of " + Arrays.toString(type.getEnumConstants())));
        };
    }

    private static Instant parseInstant(String field, Object raw) {
        try {
            return Instant.parse(FieldRules.required(field, text(field, raw)));
        } catch (DateTimeParseException e) {
            throw wrongType(field, "an ISO-8601 instant");
        }
    }

    private static String text(String field, Object raw) {
        if (raw == null || raw instanceof String) {
            return (String) raw;
        }
        throw wrongType(field, "text");
    }

    private static Integer integer(String field, Object raw) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short) {
            long value = ((Number) raw).longValue();
            return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
        }
        throw wrongType(field, "a whole number");
    }

    private static InvalidField wrongType(String field, String expected) {
        return new InvalidField(field, "type", field + " must be " + expected + ".");
    }
}
