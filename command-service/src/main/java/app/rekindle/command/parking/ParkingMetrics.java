package app.rekindle.command.parking;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code rekindle.publisher.parked}: events parked now, read from the table at each scrape (so every instance reports
 * the same, whichever parked them); counters for the operator's actions.
 */
@Component
class ParkingMetrics {

    final Counter retried;
    final Counter skipped;

    ParkingMetrics(MeterRegistry registry, ParkedEvents parked) {
        Gauge.builder("rekindle.publisher.parked", parked, ParkedEvents::countParked)
                .description("Journal events Kafka refused for good, and the later events of their journals waiting "
                        + "behind them, not published yet")
                .register(registry);
        this.retried = Counter.builder("rekindle.publisher.parked.retried")
                .description("Parked events an operator's retry published")
                .register(registry);
        this.skipped = Counter.builder("rekindle.publisher.parked.skipped")
                .description("Parked events an operator skipped, with a reason")
                .register(registry);
    }
}
