package app.rekindle.identity.throttling;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Keeps {@code sign_in_throttle} bounded: every hour, rows that no longer count are deleted. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ThrottlePruning {

    private final SignInThrottle throttle;

    ThrottlePruning(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void prune() {
        throttle.prune();
    }
}
