package app.rekindle.query.projection;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the projection fills gaps ({@code rekindle.projection.*}).
 *
 * @param gapFillAfter how long a journal waits for a missing event to arrive by itself before its partition is
 *                     read again from the beginning to find it
 */
@ConfigurationProperties("rekindle.projection")
public record ProjectionProperties(@DefaultValue("30s") Duration gapFillAfter) {}
