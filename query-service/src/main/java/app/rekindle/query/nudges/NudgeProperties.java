package app.rekindle.query.nudges;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a nudge appears ({@code rekindle.nudges.*}).
 *
 * @param conversationGap    no conversation for this long
 * @param stalledStep        a step in progress with nothing new (start or entry) for this long
 * @param personalTimeWindow the recent stretch in which personal time is weighed
 * @param oneSidedShare      one side's share of that personal time (minutes) above which it is one-sided
 */
@ConfigurationProperties("rekindle.nudges")
public record NudgeProperties(
        @DefaultValue("10d") Duration conversationGap,
        @DefaultValue("21d") Duration stalledStep,
        @DefaultValue("30d") Duration personalTimeWindow,
        @DefaultValue("0.75") double oneSidedShare) {}
