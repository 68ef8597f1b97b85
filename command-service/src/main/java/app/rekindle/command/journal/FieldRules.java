package app.rekindle.command.journal;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The field rules every way into the journal shares: logging and amending check values the same way. */
final class FieldRules {

    static final int SHORT_TEXT = 200;
    static final int LONG_TEXT = 4000;
    /** Clocks drift and time zones differ; anything further ahead than this is a mistake. */
    static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);

    private FieldRules() {
    }

    static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidField(field, "required", field + " is required.");
        }
        return value;
    }

    static String shortText(String field, String value) {
        return text(field, required(field, value), SHORT_TEXT);
    }

    static String longText(String field, String value) {
        return text(field, required(field, value), LONG_TEXT);
    }

    static String optionalLongText(String field, String value) {
        return value == null ? null : text(field, value, LONG_TEXT);
    }

    private static String text(String field, String value, int max) {
        if (value.isBlank()) {
            throw new InvalidField(field, "not-blank", field + " must not be blank.");
        }
        if (value.length() > max) {
            throw new InvalidField(field, "max-length", field + " must be at most " + max + " characters.");
        }
        return value;
    }

    static int rating(String field, Integer value) {
        return range(field, required(field, value), 1, 5);
    }

    static int minutes(String field, Integer value) {
        return range(field, required(field, value), 1, 1440);
    }

    private static int range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidField(field, "range", field + " must be between " + min + " and " + max + ".");
        }
        return value;
    }

    static Instant notFarAhead(String field, Instant value, Instant now) {
        if (required(field, value).isAfter(now.plus(FUTURE_TOLERANCE))) {
            throw new InvalidField(field, "not-in-future", field + " must not be more than a day in the future.");
        }
        return value;
    }

    static LocalDate notFarAhead(String field, LocalDate value, Instant now) {
        if (required(field, value).isAfter(LocalDate.ofInstant(now.plus(FUTURE_TOLERANCE), ZoneOffset.UTC))) {
            throw new InvalidField(field, "not-in-future", field + " must not be more than a day in the future.");
        }
        return value;
    }

    static String timezone(String field, String value) {
        try {
            return ZoneId.of(required(field, value)).getId();
        } catch (DateTimeException e) {
            throw new InvalidField(field, "timezone", field + " must be a time zone id such as Europe/Berlin.");
        }
    }
}
