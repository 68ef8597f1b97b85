package app.rekindle.faults;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

/** How long the views took to hold every command accepted up to a moment, counted from that moment. */
final class Recovery {

    private Recovery() {}

    /** Waits until each journal's view position reaches the version in {@code versions}; the time since {@code since}. */
    static Duration measure(StackEndpoints stack, Map<String, Long> versions, long sinceNanos, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> caughtUp(stack, versions));
        return Duration.ofNanos(System.nanoTime() - sinceNanos);
    }

    static boolean caughtUp(StackEndpoints stack, Map<String, Long> versions) throws Exception {
        Map<String, Long> positions = Layers.viewPositions(stack, versions.keySet());
        return versions.entrySet().stream()
                .allMatch(journal -> positions.getOrDefault(journal.getKey(), -1L) >= journal.getValue());
    }
}
