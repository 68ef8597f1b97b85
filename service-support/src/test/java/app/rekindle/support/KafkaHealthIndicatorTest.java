package app.rekindle.support;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.embedded.SharedTestInfrastructure;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

class KafkaHealthIndicatorTest {

    @Test
    void a_reachable_broker_is_up_with_its_cluster_id() {
        KafkaHealthIndicator indicator =
                indicator(SharedTestInfrastructure.get().kafka().bootstrapServers());
        try {
            var health = indicator.health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsKey("clusterId");
        } finally {
            indicator.destroy();
        }
    }

    @Test
    void an_unreachable_broker_is_down_within_a_few_seconds() {
        KafkaHealthIndicator indicator = indicator("localhost:1");
        try {
            long started = System.nanoTime();
            assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        } finally {
            indicator.destroy();
        }
    }

    private static KafkaHealthIndicator indicator(String bootstrapServers) {
        return new KafkaHealthIndicator(bootstrapServers, "rekindle-test-health");
    }
}
