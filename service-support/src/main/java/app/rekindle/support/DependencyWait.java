package app.rekindle.support;

import java.time.Duration;
import org.slf4j.Logger;

/** Asks a dependency every second until it answers, with one log line at first and one every ten seconds. */
final class DependencyWait {

    static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final Duration REMINDER = Duration.ofSeconds(10);

    private final Dependency dependency;
    private final Duration timeout;
    private final Logger log;

    DependencyWait(Dependency dependency, Duration timeout, Logger log) {
        this.dependency = dependency;
        this.timeout = timeout;
        this.log = log;
    }

    void await() {
        long started = System.nanoTime();
        long nextReminder = 0;
        String problem = dependency.problem();
        if (problem == null) {
            return;
        }
        log.warn(
                "Waiting for {} ({}); asking again every {} s for up to {} s",
                dependency.describe(),
                problem,
                INTERVAL.toSeconds(),
                timeout.toSeconds());
        while (problem != null) {
            long waited = System.nanoTime() - started;
            if (waited > timeout.toNanos()) {
                throw new IllegalStateException(
                        "Gave up waiting for " + dependency.describe() + " after " + timeout.toSeconds() + " s ("
                                + problem + "); set rekindle.startup.wait-timeout to wait longer");
            }
            if (waited >= nextReminder + REMINDER.toNanos()) {
                nextReminder = waited;
                log.warn(
                        "Still waiting for {} after {} s ({})", dependency.describe(), waited / 1_000_000_000, problem);
            }
            pause();
            problem = dependency.problem();
        }
        log.info("{} answers, after waiting {} ms", dependency.describe(), (System.nanoTime() - started) / 1_000_000);
    }

    private static void pause() {
        try {
            Thread.sleep(INTERVAL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a dependency at start-up", e);
        }
    }
}
