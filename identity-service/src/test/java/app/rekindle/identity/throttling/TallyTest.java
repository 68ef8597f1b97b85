package app.rekindle.identity.throttling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TallyTest {

    private static final Limit LIMIT =
            new Limit(3, Duration.ofMinutes(15), Duration.ofMinutes(15), Duration.ofHours(24));
    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");

    @Test
    void the_limit_th_attempt_in_the_window_starts_a_block_of_the_first_length() {
        Tally tally = attempts(Tally.fresh(T0), T0, 2);
        assertThat(tally.blocksAt(T0)).isFalse();

        Tally blocked = tally.afterAttempt(T0.plusSeconds(1), LIMIT);

        assertThat(blocked.blocksAt(T0.plusSeconds(2))).isTrue();
        assertThat(blocked.blockedUntil()).isEqualTo(T0.plusSeconds(1).plus(Duration.ofMinutes(15)));
    }

    @Test
    void attempts_older_than_the_window_no_longer_count() {
        Tally tally = attempts(Tally.fresh(T0), T0, 2);

        Tally later = tally.afterAttempt(T0.plus(Duration.ofMinutes(16)), LIMIT);

        assertThat(later.attempts()).isEqualTo(1);
        assertThat(later.blockedUntil()).isNull();
    }

    @Test
    void each_further_block_doubles_up_to_the_longest() {
        Instant now = T0;
        Duration[] expected = {
            Duration.ofMinutes(15),
            Duration.ofMinutes(30),
            Duration.ofMinutes(60),
            Duration.ofMinutes(120),
            Duration.ofMinutes(240),
            Duration.ofMinutes(480),
            Duration.ofMinutes(960),
            Duration.ofHours(24),
            Duration.ofHours(24)
        };
        Tally tally = Tally.fresh(now);
        for (Duration block : expected) {
            tally = attempts(tally, now, 3);
            assertThat(Duration.between(now, tally.blockedUntil())).isEqualTo(block);
            now = tally.blockedUntil();
        }
    }

    @Test
    void a_day_of_quiet_after_a_block_starts_afresh() {
        Tally blockedTwice = attempts(attempts(Tally.fresh(T0), T0, 3), T0.plus(Duration.ofMinutes(15)), 3);
        assertThat(blockedTwice.blocks()).isEqualTo(2);
        Instant dayAfter = blockedTwice.blockedUntil().plus(Duration.ofHours(24));

        Tally again = attempts(blockedTwice, dayAfter, 3);

        assertThat(again.blocks()).isEqualTo(1);
        assertThat(Duration.between(dayAfter, again.blockedUntil())).isEqualTo(Duration.ofMinutes(15));
    }

    private static Tally attempts(Tally tally, Instant at, int count) {
        Tally counted = tally;
        for (int i = 0; i < count; i++) {
            counted = counted.afterAttempt(at, LIMIT);
        }
        return counted;
    }
}
