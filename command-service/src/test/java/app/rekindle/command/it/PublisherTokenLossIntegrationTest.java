package app.rekindle.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.rekindle.events.CloudEventsKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The publisher starting without a token while events are already stored (a wiped token table, or a first start
 * behind commands that were quicker than its worker) publishes them all, from the first, and keeps running.
 * Axon's default would start it at a replay of the head: a never-replayed publisher skips everything up to there,
 * and the stored replay token cannot be read back, which stops the processor at its next claim.
 */
class PublisherTokenLossIntegrationTest extends CommandServiceTest {

    private static final String PUBLISHER = "kafka-publisher";

    private static TestEnvironment environment;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        environment = TestEnvironment.register(registry, "publisher-token-loss");
    }

    @Autowired
    EventProcessingConfiguration processing;

    private final String token = Api.tokenFor("alice");

    @Test
    void a_publisher_whose_token_is_gone_publishes_every_stored_event_and_keeps_publishing() {
        TrackingEventProcessor publisher = processing
                .eventProcessor(PUBLISHER, TrackingEventProcessor.class)
                .orElseThrow();
        String first = api.openJournal(token);
        checkIns(first, 2);

        try (TopicReader topic = new TopicReader(environment.topic)) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> sequences(topic, first).size() == 3);

            publisher.shutDown();
            assertThat(jdbc.sql("DELETE FROM token_entry WHERE processor_name = ?")
                            .param(PUBLISHER)
                            .update())
                    .isPositive();
            // Written while the publisher is away and has no token: only a start from the tail reaches these.
            String second = api.openJournal(token);
            checkIns(second, 3);
            checkIns(first, 1);
            publisher.start();

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(sequences(topic, first)).containsExactlyElementsOf(upTo(3));
                assertThat(sequences(topic, second)).containsExactlyElementsOf(upTo(3));
            });
            assertThat(jdbc.sql("SELECT token_type FROM token_entry WHERE processor_name = ?")
                            .param(PUBLISHER)
                            .query(String.class)
                            .list())
                    .containsExactly("org.axonframework.eventhandling.GapAwareTrackingToken");

            checkIns(second, 1);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> sequences(topic, second).contains(4L));
            assertThat(publisher.isRunning()).isTrue();
            assertThat(publisher.isError()).isFalse();
        }
    }

    private void checkIns(String journalId, int count) {
        for (int i = 0; i < count; i++) {
            assertThat(api.post("/journals/" + journalId + "/check-ins", token, "{\"mood\":3,\"connection\":3}")
                            .status())
                    .isEqualTo(201);
        }
    }

    /** The journal's sequence numbers on the topic; at least once, so a number may have come twice. */
    private static Set<Long> sequences(TopicReader topic, String journalId) {
        return topic.journal(journalId).stream()
                .map(record -> Long.parseLong(header(record, CloudEventsKafka.SEQUENCE)))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<Long> upTo(long last) {
        return LongStream.rangeClosed(0, last).boxed().toList();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
