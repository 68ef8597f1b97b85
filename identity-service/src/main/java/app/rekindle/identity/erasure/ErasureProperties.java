package app.rekindle.identity.erasure;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where a deleted account's journals are erased.
 *
 * @param commandServiceUrl the command service, which erases every journal an owner opened
 * @param erasureTimeout how long one erasure request may take before the deletion is reported as not done; the command
 *     service reads every journal's opening event to find the owner's (seconds on a store of a million events)
 */
@ConfigurationProperties("rekindle.identity")
public record ErasureProperties(URI commandServiceUrl, Duration erasureTimeout) {

    public ErasureProperties {
        if (commandServiceUrl == null) {
            commandServiceUrl = URI.create("http://localhost:8080");
        }
        if (erasureTimeout == null) {
            erasureTimeout = Duration.ofMinutes(1);
        }
    }
}
