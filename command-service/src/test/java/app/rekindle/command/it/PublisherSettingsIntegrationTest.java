package app.rekindle.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The publisher's documented processor keys (docs/configuration.md) still apply now that the processor is registered
 * in code, and Axon Boot, which reads the same keys, does not register it a second time.
 */
@TestPropertySource(
        properties = {
            "axon.eventhandling.processors.kafka-publisher.initial-segment-count=2",
            "axon.eventhandling.processors.kafka-publisher.thread-count=2"
        })
class PublisherSettingsIntegrationTest extends CommandServiceTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestEnvironment.register(registry, "publisher-settings");
    }

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void an_operators_segment_and_thread_counts_reach_the_publisher() {
        TrackingEventProcessor publisher = processing
                .eventProcessor("kafka-publisher", TrackingEventProcessor.class)
                .orElseThrow();

        assertThat(publisher.maxCapacity()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.sql(
                                "SELECT segment FROM token_entry WHERE processor_name = 'kafka-publisher' ORDER BY segment")
                        .query(Integer.class)
                        .list())
                .containsExactly(0, 1));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> publisher.processingStatus().size() == 2);
    }
}
