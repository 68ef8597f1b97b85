package app.rekindle.query.live;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Live streams ({@code rekindle.live.*}).
 *
 * @param pollInterval how often the event log is read for journals someone is watching; the log, not an
 *                     in-memory signal, because another instance may be the one consuming the partition
 * @param timeout      how long one stream stays open; clients reconnect with {@code Last-Event-ID}
 */
@ConfigurationProperties("rekindle.live")
public record LiveProperties(
        @DefaultValue("250ms") Duration pollInterval,
        @DefaultValue("30m") Duration timeout) {
}
