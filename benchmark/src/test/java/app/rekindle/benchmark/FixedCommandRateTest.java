package app.rekindle.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FixedCommandRateTest {

    private static final String PROPERTY = "rekindle.bench.commandRate";

    @AfterEach
    void clear() {
        System.clearProperty(PROPERTY);
    }

    @Test
    void without_a_fixed_rate_the_lag_follows_the_measured_one() {
        assertThat(BenchmarkMain.fixedCommandRate()).isEmpty();

        System.setProperty(PROPERTY, "  ");
        assertThat(BenchmarkMain.fixedCommandRate()).isEmpty();
    }

    @Test
    void a_positive_rate_is_taken_as_given() {
        System.setProperty(PROPERTY, " 632 ");

        assertThat(BenchmarkMain.fixedCommandRate()).hasValue(632);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "NaN", "Infinity", "1e9", "fast", "0x"})
    void anything_but_a_rate_the_open_loop_can_carry_is_refused_by_name(String value) {
        System.setProperty(PROPERTY, value);

        assertThatIllegalArgumentException()
                .isThrownBy(BenchmarkMain::fixedCommandRate)
                .withMessageContaining("REKINDLE_BENCH_COMMAND_RATE")
                .withMessageContaining("'" + value + "'");
    }
}
