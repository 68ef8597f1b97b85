package app.rekindle.query.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Live streams ({@code rekindle.live.*}).
 *
 * @param pollInterval how often the event log is read for journals someone is watching; the log, not an
 *                     in-memory signal, because another instance may be the one consuming the partition
 * @param timeout      how long one stream stays open; clients reconnect with {@code Last-Event-ID}
 * @param maxStreamsPerPerson streams one person (token subject) may hold open at once, over all journals: a
 *                     dashboard needs one per open tab; beyond it 429
 * @param maxStreams   streams the whole instance holds open at once, whoever asks; beyond it 429
 * @param retryAfter   what a 429 tells the client to wait before asking again
 * @param heartbeat    how often a quiet stream gets a comment line: writing is how a closed connection is
 *                     noticed, and a stream counts against its person's cap until it is
 */
@ConfigurationProperties("rekindle.live")
public record LiveProperties(
        @DefaultValue("250ms") Duration pollInterval,
        @DefaultValue("30m") Duration timeout,
        @DefaultValue("5") int maxStreamsPerPerson,
        @DefaultValue("500") int maxStreams,
        @DefaultValue("10s") Duration retryAfter,
        @DefaultValue("15s") Duration heartbeat) {}
