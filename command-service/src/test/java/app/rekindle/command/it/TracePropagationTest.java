package app.rekindle.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The trace id of the request that caused an event travels with it to Kafka, for the query service's logs. */
class TracePropagationTest extends RunningCommandService {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Test
    void events_are_published_with_the_trace_id_of_the_request_that_caused_them() {
        Api api = new Api(port);
        String token = Api.tokenFor("trace-" + System.nanoTime());
        String journalId = api.openJournal(token);
        assertThat(api.post(
                                "/journals/" + journalId + "/check-ins",
                                token,
                                "{\"mood\":4,\"connection\":3}",
                                "traceparent",
                                "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
                        .status())
                .isEqualTo(201);

        try (TopicReader topic = new TopicReader(environment.topic)) {
            List<ConsumerRecord<String, byte[]>> records = await().atMost(Duration.ofSeconds(30))
                    .until(() -> topic.journal(journalId), list -> list.size() >= 2);
            assertThat(traceparent(records.get(1))).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01");
            // Opened without a traceparent: a trace id of its own, not the check-in's.
            assertThat(traceparent(records.get(0)))
                    .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01")
                    .doesNotContain(TRACE_ID);
        }
    }

    private static String traceparent(ConsumerRecord<String, byte[]> record) {
        var header = record.headers().lastHeader("ce_traceparent");
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
