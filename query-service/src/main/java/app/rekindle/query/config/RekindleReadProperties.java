package app.rekindle.query.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Read-your-writes: how long a read with {@code minVersion} may wait for the view to catch up.
 *
 * @param maxWait      upper bound of the wait, then 202 "not yet"
 * @param pollInterval how often the position table is checked while waiting
 */
@ConfigurationProperties("rekindle.read")
public record RekindleReadProperties(
        @DefaultValue("5s") Duration maxWait,
        @DefaultValue("25ms") Duration pollInterval) {
}
