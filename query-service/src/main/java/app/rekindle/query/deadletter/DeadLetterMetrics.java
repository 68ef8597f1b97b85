package app.rekindle.query.deadletter;

import app.rekindle.query.projection.HeldEvents;
import app.rekindle.query.projection.HeldEvents.Status;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code rekindle.projection.dead_letters{status}}: events parked or waiting now, read from the store at each
 * scrape (so every instance reports the same, whichever parked them); counters for the operator's actions.
 */
@Component
class DeadLetterMetrics {

    final Counter retried;
    final Counter skipped;
    final Counter gapsAccepted;

    DeadLetterMetrics(MeterRegistry registry, HeldEvents held) {
        for (Status status : new Status[] {Status.PARKED, Status.WAITING_BEHIND, Status.WAITING_FOR_GAP}) {
            Gauge.builder("rekindle.projection.dead_letters", () -> held.count(status))
                    .description("Events in the dead-letter store not applied yet, by status")
                    .tag("status", status.name())
                    .register(registry);
        }
        this.retried = Counter.builder("rekindle.projection.dead_letters.retried")
                .description("Parked events an operator retried and that were applied")
                .register(registry);
        this.skipped = Counter.builder("rekindle.projection.dead_letters.skipped")
                .description("Parked events an operator skipped, with a reason")
                .register(registry);
        this.gapsAccepted = Counter.builder("rekindle.projection.gaps.accepted")
                .description("Missing events an operator accepted as lost for good, with a reason")
                .register(registry);
    }
}
