package app.rekindle.query.kafka;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The offsets of the records applied to the views, committed after each poll without waiting, and with waiting
 * where they must land: before partitions go to another consumer, and when the consumer closes. Waiting after
 * every poll cost a round trip to the broker on the way from an event received to it being visible, and bought
 * nothing: an offset that never lands (a crash, a failed commit) only has records come again, and their journals'
 * positions, moved in the views' own transaction, turn them into duplicates that change nothing. The synchronous
 * commits keep that redelivery to a crash: a consumer handing partitions over or stopping leaves no applied record
 * to be read again. Used on the poll thread only, as the consumer is.
 */
final class AppliedOffsets implements ConsumerRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(AppliedOffsets.class);

    private final Consumer<String, byte[]> kafka;
    private final Map<TopicPartition, OffsetAndMetadata> applied = new HashMap<>();

    AppliedOffsets(Consumer<String, byte[]> kafka) {
        this.kafka = kafka;
    }

    /** Once the records before these offsets are applied (their transaction committed). */
    void commitLater(Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (offsets.isEmpty()) {
            return;
        }
        applied.putAll(offsets);
        kafka.commitAsync(offsets, (committed, failure) -> {
            if (failure != null) {
                log.warn("Offset commit failed ({})", failure.getClass().getName());
            }
        });
    }

    /** Before the consumer closes. */
    void commitAll() {
        commitNow(Map.copyOf(applied));
        applied.clear();
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> revoked = new HashMap<>();
        partitions.forEach(partition -> {
            OffsetAndMetadata offset = applied.remove(partition);
            if (offset != null) {
                revoked.put(partition, offset);
            }
        });
        commitNow(revoked);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {}

    /** Already another consumer's: a commit could not land, and what it would have saved is redelivered there. */
    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        applied.keySet().removeAll(partitions);
    }

    private void commitNow(Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (offsets.isEmpty()) {
            return;
        }
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                kafka.commitSync(offsets);
                return;
            } catch (WakeupException e) {
                // stop() woke the consumer while committing; the wakeup is spent, so commit once more.
            } catch (KafkaException e) {
                // e.g. a rebalance took the partition away; the records will be redelivered and ignored as duplicates.
                log.warn("Offset commit failed ({})", e.getClass().getName());
                return;
            }
        }
    }
}
