package app.rekindle.benchmark.commands;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JitSettlingTest {

    private static final double PHASE = 10_000;

    @Test
    void a_phase_whose_compilation_still_grows_is_not_quiet() {
        // The full run of 2026-12-05: 3 s of compilation in a 10-second phase, while the rate rose.
        assertThat(JitSettling.quiet(20_000, 23_000, PHASE)).isFalse();
    }

    @Test
    void a_phase_that_compiled_little_is_quiet() {
        assertThat(JitSettling.quiet(40_000, 40_300, PHASE)).isTrue();
    }

    @Test
    void a_long_compiled_service_still_compiling_through_a_short_phase_is_not_quiet() {
        // A loaded machine: 2.6 s of compilation in a 3-second phase is under 2% of the 227 s compiled before.
        assertThat(JitSettling.quiet(226_938, 229_539, 3_000)).isFalse();
    }

    @Test
    void a_young_service_compiling_a_little_is_not_quiet_yet() {
        // 300 ms is under a tenth of the phase but 3% of the 10 s compiled so far.
        assertThat(JitSettling.quiet(10_000, 10_300, PHASE)).isFalse();
    }

    @Test
    void a_service_that_does_not_tell_its_compilation_time_is_never_quiet() {
        assertThat(JitSettling.quiet(Double.NaN, Double.NaN, PHASE)).isFalse();
    }
}
