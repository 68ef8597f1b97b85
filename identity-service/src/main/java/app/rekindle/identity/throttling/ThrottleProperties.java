package app.rekindle.identity.throttling;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many failed sign-ins (and sign-ups) are let through before a block, and for how long.
 *
 * @param accountFailures failed sign-ins with one user name within {@code window} before that name is blocked
 *     (counted whether or not the account exists)
 * @param addressFailures failed sign-ins from one client address within {@code window} before it is blocked
 * @param window how long failures are remembered
 * @param block the first block; each further block of the same name or address doubles it
 * @param longestBlock the cap of the doubling; a name or address that stayed quiet this long starts afresh
 * @param signUpsPerAddress sign-ups from one client address within {@code signUpWindow}
 * @param signUpWindow the sign-up window, also the first block when it is exceeded
 */
@ConfigurationProperties("rekindle.identity.throttle")
public record ThrottleProperties(
        @DefaultValue("5") int accountFailures,
        @DefaultValue("20") int addressFailures,
        @DefaultValue("15m") Duration window,
        @DefaultValue("15m") Duration block,
        @DefaultValue("24h") Duration longestBlock,
        @DefaultValue("10") int signUpsPerAddress,
        @DefaultValue("1h") Duration signUpWindow) {

    public ThrottleProperties {
        if (accountFailures < 1 || addressFailures < 1 || signUpsPerAddress < 1) {
            throw new IllegalArgumentException("rekindle.identity.throttle: the counts must be at least 1");
        }
        for (Duration duration : new Duration[] {window, block, longestBlock, signUpWindow}) {
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("rekindle.identity.throttle: the durations must be positive");
            }
        }
        if (longestBlock.compareTo(block) < 0) {
            throw new IllegalArgumentException("rekindle.identity.throttle.longest-block must not be below block");
        }
    }

    Limit accounts() {
        return new Limit(accountFailures, window, block, longestBlock);
    }

    Limit addresses() {
        return new Limit(addressFailures, window, block, longestBlock);
    }

    Limit signUps() {
        return new Limit(signUpsPerAddress, signUpWindow, signUpWindow, longer(longestBlock, signUpWindow));
    }

    /** Rows older than this hold nothing that still counts. */
    Duration memory() {
        return longer(longer(longestBlock, window), signUpWindow);
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
