package app.rekindle.events.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class ValueWindowsTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    @Test
    void what_happened_lies_between_1900_and_one_day_ahead() {
        var window = ValueWindows.happened(NOW);
        assertThat(window.contains(Instant.parse("1900-01-01T00:00:00Z"))).isTrue();
        assertThat(window.contains(Instant.parse("1899-12-31T23:59:59Z"))).isFalse();
        assertThat(window.contains(NOW.plusSeconds(86_400))).isTrue();
        assertThat(window.contains(NOW.plusSeconds(86_401))).isFalse();
        assertThat(window.contains(
                        OffsetDateTime.parse("-300000-01-01T00:00:00Z").toInstant()))
                .isFalse();
        assertThat(window.contains(LocalDate.of(1900, 1, 1))).isTrue();
        assertThat(window.contains(LocalDate.of(-999_999_999, 1, 1))).isFalse();
        assertThat(window.contains(LocalDate.of(2026, 12, 5))).isTrue();
        assertThat(window.contains(LocalDate.of(2026, 12, 6))).isFalse();
    }

    @Test
    void dates_may_be_planned_ten_years_ahead_but_not_more() {
        var window = ValueWindows.planned(NOW);
        assertThat(window.contains(NOW.plus(ValueWindows.PLANNING_HORIZON))).isTrue();
        assertThat(window.contains(NOW.plus(ValueWindows.PLANNING_HORIZON).plusSeconds(1)))
                .isFalse();
    }

    @Test
    void nothing_is_recorded_in_the_future() {
        assertThat(ValueWindows.recorded(NOW).contains(NOW)).isTrue();
        assertThat(ValueWindows.recorded(NOW).contains(NOW.plusMillis(1))).isFalse();
    }

    @Test
    void reads_may_name_any_instant_up_to_the_end_of_year_9999() {
        var window = ValueWindows.readable();
        assertThat(window.contains(Instant.parse("9999-12-31T23:59:59.999999Z")))
                .isTrue();
        assertThat(window.contains(Instant.parse("+10000-01-01T00:00:00Z"))).isFalse();
        assertThat(window.contains(LocalDate.of(9999, 12, 31))).isTrue();
        assertThat(window.contains(LocalDate.MAX)).isFalse();
        assertThat(window.describe()).isEqualTo("between 1900-01-01T00:00:00Z and 9999-12-31T23:59:59.999999Z");
    }

    @Test
    void scales_and_minutes_have_their_ranges() {
        assertThat(ValueWindows.inScale(1)).isTrue();
        assertThat(ValueWindows.inScale(5)).isTrue();
        assertThat(ValueWindows.inScale(0)).isFalse();
        assertThat(ValueWindows.inScale(6)).isFalse();
        assertThat(ValueWindows.inMinutes(1440)).isTrue();
        assertThat(ValueWindows.inMinutes(1441)).isFalse();
    }
}
