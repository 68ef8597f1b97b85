package app.rekindle.benchmark.commands;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JitSettlingTest {

    private static final double PHASE = 10_000;

    @Test
    void a_phase_whose_rate_agrees_but_whose_compilation_still_grows_is_not_settled() {
        // The full run of 2026-12-05: 130 then 137 check-ins/s, while C2 was still compiling.
        assertThat(JitSettling.settled(20_000, 23_000, PHASE, 130, 137)).isFalse();
    }

    @Test
    void a_phase_that_compiled_little_and_agrees_with_the_one_before_is_settled() {
        assertThat(JitSettling.settled(40_000, 40_300, PHASE, 370, 380)).isTrue();
    }

    @Test
    void a_long_compiled_service_still_compiling_through_a_short_phase_is_not_settled() {
        // A loaded machine: 2.6 s of compilation in a 3-second phase is under 2% of the 227 s compiled before.
        assertThat(JitSettling.settled(226_938, 229_539, 3_000, 40, 38)).isFalse();
    }

    @Test
    void a_quiet_compiler_is_not_enough_while_the_rate_still_moves() {
        assertThat(JitSettling.settled(40_000, 40_100, PHASE, 300, 370)).isFalse();
    }

    @Test
    void the_first_phase_is_never_settled_having_no_rate_to_agree_with() {
        assertThat(JitSettling.settled(40_000, 40_000, PHASE, Double.NaN, 370)).isFalse();
    }

    @Test
    void a_service_that_does_not_tell_its_compilation_time_never_settles() {
        assertThat(JitSettling.settled(Double.NaN, Double.NaN, PHASE, 370, 372)).isFalse();
    }
}
