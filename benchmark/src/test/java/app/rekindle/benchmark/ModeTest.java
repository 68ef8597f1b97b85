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
}
