package app.rekindle.events.rules;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The one definition of what a valid value is, for every way into Rekindle: commands, import and reads all
 * check against these windows, so a value one path accepts can never break another (a year -300000 check-in
 * once answered 201 and then froze its journal's views for good).
 *
 * <ul>
 *   <li>Texts: short ≤ {@value #SHORT_TEXT} characters, long ≤ {@value #LONG_TEXT}.</li>
 *   <li>A token's subject (who owns a journal): 1 to {@value #SUBJECT} characters.</li>
 *   <li>Scales (mood, connection, ratings, felt heard, listened well): {@value #SCALE_MIN}–{@value #SCALE_MAX};
 *       minutes {@value #MINUTES_MIN}–{@value #MINUTES_MAX}.</li>
 *   <li>When something happened ({@code occurredAt}, {@code occurredOn}): from {@link #EARLIEST_DAY} to one day
 *       ahead of now (clocks drift and time zones differ).</li>
 *   <li>When a date is planned for: from {@link #EARLIEST_DAY} to {@link #PLANNING_HORIZON} ahead of now.</li>
 *   <li>When an event was recorded: from {@link #EARLIEST_DAY} to now, never earlier than the journal's previous
 *       event.</li>
 *   <li>Instants and days in reads ({@code from}, {@code to}, {@code asOf}, {@code until}, cursors): from
 *       {@link #EARLIEST_DAY} to {@link #LATEST_READ_DAY}.</li>
 * </ul>
 */
public final class ValueWindows {

    public static final int SHORT_TEXT = 200;
    public static final int LONG_TEXT = 4000;
    /** OpenID Connect Core 1.0, 2: a subject "MUST NOT exceed 255 ASCII characters in length". */
    public static final int SUBJECT = 255;

    public static final int SCALE_MIN = 1;
    public static final int SCALE_MAX = 5;
    public static final int MINUTES_MIN = 1;
    public static final int MINUTES_MAX = 1440;

    /** Nobody journals about a relationship before 1900; older instants are typos or attacks. */
    public static final LocalDate EARLIEST_DAY = LocalDate.of(1900, 1, 1);

    public static final Instant EARLIEST =
            EARLIEST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
    /** How far ahead of the service's clock "it happened" may lie. */
    public static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);
    /** How far ahead a date may be planned. */
    public static final Duration PLANNING_HORIZON = Duration.ofDays(10 * 366);
    /** The last day a read may name; every instant up to its end is valid in PostgreSQL and in java.time. */
    public static final LocalDate LATEST_READ_DAY = LocalDate.of(9999, 12, 31);

    public static final Instant LATEST_READ =
            LATEST_READ_DAY.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1000);

    private ValueWindows() {}

    /** For {@code occurredAt}: something that happened. */
    public static InstantWindow happened(Instant now) {
        return new InstantWindow(EARLIEST, now.plus(FUTURE_TOLERANCE));
    }

    /** For {@code plannedFor}: a date may lie years ahead, but not forever. */
    public static InstantWindow planned(Instant now) {
        return new InstantWindow(EARLIEST, now.plus(PLANNING_HORIZON));
    }

    /** For {@code recordedAt}: the service's clock stamped it, so never after now. */
    public static InstantWindow recorded(Instant now) {
        return new InstantWindow(EARLIEST, now);
    }

    /** For instants and days named by a read. */
    public static InstantWindow readable() {
        return new InstantWindow(EARLIEST, LATEST_READ);
    }

    public static boolean inScale(int value) {
        return value >= SCALE_MIN && value <= SCALE_MAX;
    }

    public static boolean inMinutes(int value) {
        return value >= MINUTES_MIN && value <= MINUTES_MAX;
    }

    /** A closed range of instants, both ends included. */
    public record InstantWindow(Instant earliest, Instant latest) {

        public boolean contains(Instant instant) {
            return !instant.isBefore(earliest) && !instant.isAfter(latest);
        }

        /** A day is inside when its whole UTC day starts inside the window. */
        public boolean contains(LocalDate day) {
            return !day.isBefore(LocalDate.ofInstant(earliest, ZoneOffset.UTC))
                    && !day.isAfter(LocalDate.ofInstant(latest, ZoneOffset.UTC));
        }

        /** For problem messages: "between 1900-01-01T00:00:00Z and 2026-12-05T22:10:00Z". */
        public String describe() {
            return "between " + earliest + " and " + latest;
        }
    }
}
