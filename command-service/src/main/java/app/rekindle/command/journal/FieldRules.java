package app.rekindle.command.journal;

import app.rekindle.command.journal.JournalRejection.InvalidField;
import app.rekindle.events.rules.ValueWindows;
import app.rekindle.events.rules.ValueWindows.InstantWindow;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The field rules every way into the journal shares: logging, amending and importing check values the same
 * way. The numbers and windows are {@link ValueWindows}'; this class only turns a breach into an
 * {@link InvalidField} naming the field and the rule.
 */
final class FieldRules {

    private FieldRules() {}

    static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidField(field, "required", field + " is required.");
        }
        return value;
    }

    static String shortText(String field, String value) {
        return text(field, required(field, value), ValueWindows.SHORT_TEXT);
    }

    static String longText(String field, String value) {
        return text(field, required(field, value), ValueWindows.LONG_TEXT);
    }

    static String optionalLongText(String field, String value) {
        return value == null ? null : text(field, value, ValueWindows.LONG_TEXT);
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
        if (!ValueWindows.inScale(required(field, value))) {
            throw outOfRange(field, ValueWindows.SCALE_MIN, ValueWindows.SCALE_MAX);
        }
        return value;
    }

    static int minutes(String field, Integer value) {
        if (!ValueWindows.inMinutes(required(field, value))) {
            throw outOfRange(field, ValueWindows.MINUTES_MIN, ValueWindows.MINUTES_MAX);
        }
        return value;
    }

    private static InvalidField outOfRange(String field, int min, int max) {
        return new InvalidField(field, "range", field + " must be between " + min + " and " + max + ".");
    }

    /** When something happened ({@code occurredAt}): from 1900 to a day after {@code now}. */
    static Instant happened(String field, Instant value, Instant now) {
        return within(field, value, ValueWindows.happened(now));
    }

    /** The day something happened ({@code occurredOn}), in the same window as {@link #happened}. */
    static LocalDate happened(String field, LocalDate value, Instant now) {
        InstantWindow window = ValueWindows.happened(now);
        if (!window.contains(required(field, value))) {
            throw outsideWindow(field, window);
        }
        return value;
    }

    /** When a date is planned for: from 1900 to the planning horizon after {@code now}. */
    static Instant planned(String field, Instant value, Instant now) {
        return within(field, value, ValueWindows.planned(now));
    }

    /** When an event was recorded: never after {@code now}. */
    static Instant recorded(String field, Instant value, Instant now) {
        return within(field, value, ValueWindows.recorded(now));
    }

    private static Instant within(String field, Instant value, InstantWindow window) {
        if (!window.contains(required(field, value))) {
            throw outsideWindow(field, window);
        }
        return value;
    }

    private static InvalidField outsideWindow(String field, InstantWindow window) {
        return new InvalidField(field, "window", field + " must be " + window.describe() + ".");
    }

    static String timezone(String field, String value) {
        try {
            return ZoneId.of(required(field, value)).getId();
        } catch (DateTimeException e) {
            throw new InvalidField(field, "timezone", field + " must be a time zone id such as Europe/Berlin.");
        }
    }
}
