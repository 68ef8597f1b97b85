package app.rekindle.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ModeTest {

    @Test
    void a_full_read_phase_lasts_long_enough_for_two_thousand_requests_of_each_kind() {
        Duration phase = Mode.FULL.readPhase(2, Mode.FULL.readsPerSecond());

        assertThat(phase).isEqualTo(Duration.ofSeconds(20));
        assertThat(phase.toSeconds() * Mode.FULL.readsPerSecond() / 2).isGreaterThanOrEqualTo(Mode.FULL.tailRequests());
    }

    @Test
    void a_read_phase_is_never_shorter_than_the_mode_s_phase() {
        assertThat(Mode.FULL.readPhase(1, 10_000)).isEqualTo(Mode.FULL.phase());
        assertThat(Mode.QUICK.readPhase(2, Mode.QUICK.readsPerSecond())).isEqualTo(Mode.QUICK.phase());
    }

    @Test
    void the_full_scale_section_grows_the_store_from_one_million_to_five_million_events_over_100000_journals() {
        assertThat(Mode.FULL.scaleSmall()).isEqualTo(1_000_000);
        assertThat(Mode.FULL.scaleLarge()).isEqualTo(5_000_000);
        assertThat(Mode.FULL.scaleJournals()).isEqualTo(100_000);
    }

    @Test
    void every_mode_grows_its_store_fivefold_with_the_same_events_per_journal() {
        for (Mode mode : new Mode[] {Mode.TINY, Mode.QUICK, Mode.FULL}) {
            assertThat(mode.scaleLarge()).as(mode.name()).isEqualTo(5 * mode.scaleSmall());
            assertThat(mode.scaleSmall() / mode.scaleJournals()).as(mode.name()).isEqualTo(10);
        }
    }

    @Test
    void a_full_or_quick_warm_up_may_run_enough_phases_for_its_rate_to_be_seen_level() {
        for (Mode mode : new Mode[] {Mode.QUICK, Mode.FULL}) {
            Duration twoWindows = mode.phase().multipliedBy(2L * Plateau.RATE.window());

            assertThat(mode.warmUpLimit()).as(mode.name()).isGreaterThanOrEqualTo(twoWindows.multipliedBy(2));
        }
    }

    @Test
    void a_full_lag_warm_up_may_run_enough_lag_phases_for_the_projection_to_be_seen_level() {
        Duration lagPhase = Mode.FULL.readPhase(1, 286);

        assertThat(Mode.FULL.lagWarmUpLimit())
                .isGreaterThanOrEqualTo(lagPhase.multipliedBy(2L * Plateau.LATENCY.window()));
    }
}
