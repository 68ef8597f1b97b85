package app.rekindle.query.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class TraceIdTest {

    @Test
    void the_trace_id_of_the_causing_request_is_read_from_the_cloud_events_traceparent() {
        assertThat(JournalEventConsumer.traceId(record("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")))
                .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void a_missing_or_malformed_traceparent_gives_no_trace_id() {
        assertThat(JournalEventConsumer.traceId(record(null))).isNull();
        assertThat(JournalEventConsumer.traceId(record("00-not-a-trace"))).isNull();
    }

    private static ConsumerRecord<String, byte[]> record(String traceparent) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("topic", 0, 0, "key", new byte[0]);
        if (traceparent != null) {
            record.headers().add("ce_traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }
}
