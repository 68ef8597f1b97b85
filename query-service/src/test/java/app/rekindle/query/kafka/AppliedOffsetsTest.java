package app.rekindle.query.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** Which applied offsets are committed when; MockConsumer commits at once, waiting or not. */
class AppliedOffsetsTest {

    private static final TopicPartition ZERO = new TopicPartition("events", 0);
    private static final TopicPartition ONE = new TopicPartition("events", 1);

    private final MockConsumer<String, byte[]> kafka = new MockConsumer<>("earliest");
    private final AppliedOffsets offsets = new AppliedOffsets(kafka);

    @Test
    void a_polls_offsets_are_committed_without_waiting_and_again_when_the_consumer_closes() {
        kafka.assign(List.of(ZERO, ONE));
        offsets.commitLater(Map.of(ZERO, new OffsetAndMetadata(3), ONE, new OffsetAndMetadata(5)));

        assertThat(kafka.committed(Set.of(ZERO, ONE)))
                .containsEntry(ZERO, new OffsetAndMetadata(3))
                .containsEntry(ONE, new OffsetAndMetadata(5));

        offsets.commitLater(Map.of(ZERO, new OffsetAndMetadata(7)));
        offsets.commitAll();

        assertThat(kafka.committed(Set.of(ZERO, ONE)))
                .containsEntry(ZERO, new OffsetAndMetadata(7))
                .containsEntry(ONE, new OffsetAndMetadata(5));
    }

    @Test
    void revoked_and_lost_partitions_are_not_committed_again_when_the_consumer_closes() {
        kafka.assign(List.of(ZERO, ONE));
        offsets.commitLater(Map.of(ZERO, new OffsetAndMetadata(3), ONE, new OffsetAndMetadata(5)));

        offsets.onPartitionsRevoked(List.of(ZERO));
        offsets.onPartitionsLost(List.of(ONE));
        kafka.commitSync(Map.of(ZERO, new OffsetAndMetadata(1), ONE, new OffsetAndMetadata(1)));
        offsets.commitAll();

        assertThat(kafka.committed(Set.of(ZERO, ONE)))
                .containsEntry(ZERO, new OffsetAndMetadata(1))
                .containsEntry(ONE, new OffsetAndMetadata(1));
    }
}
