package app.rekindle.benchmark.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** When a warm-up's compiler counts as quiet: over the rate's last window of phases, as the JIT rows judge it. */
class CheckInLoadWarmUpTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void a_compiler_that_compiled_through_the_last_three_phases_is_not_quiet() {
        // The full run of 2026-12-05 (20:49): about 8 s of compilation in each 8-second phase.
        List<Double> compiled = List.of(40_757.0, 51_362.0, 61_602.0, 69_219.0, 78_316.0, 86_184.0, 93_813.0);
        List<Long> ended =
                List.of(8 * SECOND, 16 * SECOND, 24 * SECOND, 32 * SECOND, 40 * SECOND, 48 * SECOND, 56 * SECOND);

        assertThat(CheckInLoad.compilerQuiet(28_963, 0, compiled, ended)).isFalse();
    }

    @Test
    void a_compiler_that_compiled_little_over_the_last_three_phases_is_quiet() {
        List<Double> compiled = List.of(150_000.0, 158_000.0, 158_200.0, 158_500.0, 158_700.0);
        List<Long> ended = List.of(8 * SECOND, 16 * SECOND, 24 * SECOND, 32 * SECOND, 40 * SECOND);

        assertThat(CheckInLoad.compilerQuiet(140_000, 0, compiled, ended)).isTrue();
    }

    @Test
    void only_the_last_three_phases_count_and_fewer_are_never_quiet() {
        List<Double> compiled = List.of(150_000.0, 150_100.0);
        List<Long> ended = List.of(8 * SECOND, 16 * SECOND);

        assertThat(CheckInLoad.compilerQuiet(150_000, 0, compiled, ended)).isFalse();
        // The first phase's 10 s of compilation are before the window: quiet over the last three.
        assertThat(CheckInLoad.compilerQuiet(
                        140_000,
                        0,
                        List.of(150_000.0, 150_100.0, 150_200.0, 150_300.0),
                        List.of(8 * SECOND, 16 * SECOND, 24 * SECOND, 32 * SECOND)))
                .isTrue();
    }
}
