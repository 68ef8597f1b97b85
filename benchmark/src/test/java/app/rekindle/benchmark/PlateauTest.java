package app.rekindle.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlateauTest {

    @Test
    void the_warm_up_of_the_full_run_of_2026_12_05_never_stopped_rising() {
        // Rekindle's twelve warm-up phases at 4 clients: every window of three is far above the three before.
        List<Double> rates = List.of(69.0, 108.0, 135.0, 174.0, 212.0, 246.0, 258.0, 322.0, 300.0, 355.0, 389.0, 401.0);

        for (int phases = 1; phases <= rates.size(); phases++) {
            assertThat(Plateau.RATE.stoppedRising(rates.subList(0, phases)))
                    .as("after %d phases", phases)
                    .isFalse();
        }
    }

    @Test
    void a_rate_that_keeps_rising_a_little_every_phase_has_not_stopped_rising() {
        // Two neighbouring phases agree within 2.5%, which the rule before took for settled.
        assertThat(Plateau.RATE.stoppedRising(List.of(600.0, 615.0, 630.0, 646.0, 662.0, 679.0)))
                .isFalse();
    }

    @Test
    void a_rate_that_wobbles_around_a_level_has_stopped_rising() {
        assertThat(Plateau.RATE.stoppedRising(List.of(1_235.0, 1_180.0, 1_290.0, 1_250.0, 1_200.0, 1_270.0)))
                .isTrue();
    }

    @Test
    void a_falling_rate_has_stopped_rising() {
        assertThat(Plateau.RATE.stoppedRising(List.of(700.0, 690.0, 710.0, 640.0, 650.0, 630.0)))
                .isTrue();
    }

    @Test
    void only_the_last_two_windows_count() {
        // The climb of the first phases is over; the last six phases are level.
        assertThat(Plateau.RATE.stoppedRising(
                        List.of(237.0, 503.0, 898.0, 1_235.0, 1_240.0, 1_228.0, 1_251.0, 1_236.0, 1_244.0)))
                .isTrue();
    }

    @Test
    void fewer_phases_than_two_windows_are_never_a_plateau() {
        assertThat(Plateau.RATE.stoppedRising(List.of(500.0, 500.0, 500.0, 500.0, 500.0)))
                .isFalse();
        assertThat(Plateau.LATENCY.stoppedFalling(List.of(5.0, 5.0, 5.0))).isFalse();
    }

    @Test
    void a_phase_that_measured_nothing_is_not_a_plateau() {
        assertThat(Plateau.RATE.stoppedRising(List.of(500.0, 500.0, 500.0, 500.0, 500.0, Double.NaN)))
                .isFalse();
    }

    @Test
    void a_projection_latency_still_falling_round_by_round_has_not_stopped_falling() {
        // Stage 4's p50 across the recorded lag rounds of 2026-12-05 at 286 check-ins/s.
        assertThat(Plateau.LATENCY.stoppedFalling(List.of(164.0, 90.0, 47.0, 30.0)))
                .isFalse();
    }

    @Test
    void a_projection_latency_level_within_a_tenth_has_stopped_falling() {
        assertThat(Plateau.LATENCY.stoppedFalling(List.of(30.0, 5.2, 4.8, 5.1, 4.6)))
                .isTrue();
    }

    @Test
    void a_rising_latency_has_stopped_falling() {
        assertThat(Plateau.LATENCY.stoppedFalling(List.of(4.0, 4.2, 6.0, 7.5))).isTrue();
    }

    @Test
    void a_plateau_needs_a_window_of_at_least_one_phase() {
        assertThatThrownBy(() -> new Plateau(0, 0.03)).isInstanceOf(IllegalArgumentException.class);
    }
}
