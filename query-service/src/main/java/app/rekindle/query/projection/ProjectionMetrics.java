package app.rekindle.query.projection;

import app.rekindle.events.PublishedEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** What operators watch: applied events by type, duplicates, gaps and the event-to-view lag. */
final class ProjectionMetrics {

    private final MeterRegistry registry;
    private final Counter duplicates;
    private final Counter gaps;
    private final Counter erasedIgnored;
    private final Counter held;
    private final Timer lag;

    ProjectionMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.duplicates = Counter.builder("rekindle.projection.duplicates")
                .description("Redelivered events ignored because their sequence was already applied")
                .register(registry);
        this.gaps = Counter.builder("rekindle.projection.gaps")
                .description("Missing sequence numbers detected (the events beyond one wait for it)")
                .register(registry);
        this.erasedIgnored = Counter.builder("rekindle.projection.erased-ignored")
                .description("Events ignored because their journal was erased")
                .register(registry);
        this.held = Counter.builder("rekindle.projection.held")
                .description("Events that had to wait: behind a parked event of their journal, or for a missing one")
                .register(registry);
        this.lag = Timer.builder("rekindle.projection.lag")
                .description("Time from the event being recorded to its view change being committed")
                .register(registry);
    }

    void count(Projector.Outcome outcome, PublishedEvent published) {
        switch (outcome) {
            case APPLIED ->
                Counter.builder("rekindle.projection.applied")
                        .description("Events applied to the views")
                        .tag("type", published.type().name())
                        .register(registry)
                        .increment();
            case DUPLICATE -> duplicates.increment();
            case GAP -> gaps.increment();
            case ERASED_IGNORED -> erasedIgnored.increment();
            case HELD -> held.increment();
        }
    }

    void lag(Duration duration) {
        lag.record(duration.isNegative() ? Duration.ZERO : duration);
    }
}
