package app.rekindle.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpreadTest {

    @Test
    void ratios_are_taken_round_by_round_then_the_median_of_them() {
        // Round 2 ran on a busier machine: both sides slowed, its ratio is as good as the others'.
        Spread ratio = Spread.ofRatios(List.of(50.0, 10.0, 60.0), List.of(100.0, 20.0, 100.0));

        assertThat(ratio.median()).isEqualTo(0.5);
        assertThat(ratio.min()).isEqualTo(0.5);
        assertThat(ratio.max()).isEqualTo(0.6);
        assertThat(ratio.rounds()).isEqualTo(3);
    }

    @Test
    void an_even_number_of_rounds_takes_the_mean_of_the_middle_two() {
        assertThat(Spread.of(List.of(4.0, 1.0, 3.0, 2.0)).median()).isEqualTo(2.5);
    }
}
