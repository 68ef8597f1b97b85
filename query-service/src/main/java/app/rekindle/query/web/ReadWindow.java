package app.rekindle.query.web;

import app.rekindle.events.rules.ValueWindows;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Every instant and day a read names ({@code from}, {@code to}, {@code until}, {@code asOf}, {@code date},
 * the instant inside a cursor) lies in {@link ValueWindows#readable()}, the window commands and import use too.
 * Outside it PostgreSQL and the period arithmetic break (year -300000 answered 500, year 999999999 ran the
 * service out of memory), so such a value is a 400 naming the parameter, rule {@value #RULE}.
 */
public final class ReadWindow {

    public static final String RULE = "window";

    private ReadWindow() {}

    public static boolean admits(Instant value) {
        return ValueWindows.readable().contains(value);
    }

    public static boolean admits(LocalDate value) {
        return ValueWindows.readable().contains(value);
    }

    /** The value itself when it is missing or inside; a 400 naming the parameter otherwise. */
    public static Instant instant(String parameter, Instant value) {
        if (value != null && !admits(value)) {
            throw outside(parameter);
        }
        return value;
    }

    /** For problem messages; the same words whichever parameter broke the window. */
    public static String message() {
        return "must lie " + ValueWindows.readable().describe();
    }

    private static InvalidParameter outside(String parameter) {
        return new InvalidParameter(parameter, RULE, message());
    }
}
