package app.rekindle.query.kafka;

import app.rekindle.events.CloudEventsKafka;
import app.rekindle.query.config.RekindleKafkaProperties;
import app.rekindle.query.projection.EventReader;
import app.rekindle.query.projection.HeldEvents;
import app.rekindle.query.projection.Incoming;
import app.rekindle.query.projection.Parking;
import app.rekindle.query.projection.ProjectionPipeline;
import app.rekindle.query.projection.RecordCopy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Fills a journal's gap by reading its partition again: a short-lived consumer of no group (assign, seek to
 * the beginning, read to the end offset of the moment) picks the journal's records with the missing sequence
 * numbers and hands them to the pipeline, which applies them and then what waited for them.
 */
@Component
public class GapFiller {

    private static final Logger log = LoggerFactory.getLogger(GapFiller.class);

    private final HeldEvents held;
    private final ProjectionPipeline pipeline;
    private final EventReader reader;
    private final RekindleKafkaProperties kafka;
    private final Parking parking;
    private final Counter filled;

    GapFiller(
            HeldEvents held,
            ProjectionPipeline pipeline,
            EventReader reader,
            RekindleKafkaProperties kafka,
            Parking parking,
            MeterRegistry registry) {
        this.held = held;
        this.pipeline = pipeline;
        this.reader = reader;
        this.kafka = kafka;
        this.parking = parking;
        this.filled = Counter.builder("rekindle.projection.gaps.filled")
                .description("Missing events found again by re-reading Kafka")
                .register(registry);
    }

    /** @return how many missing events were found and handed over */
    public synchronized int fill(UUID journalId) {
        List<HeldEvents.Row> waiting = held.waiting(journalId);
        if (waiting.isEmpty() || waiting.getFirst().status() != HeldEvents.Status.WAITING_FOR_GAP) {
            return 0; // nothing waits for a missing event (or it waits behind a parked one)
        }
        HeldEvents.Row first = waiting.getFirst();
        long expected = parking.standing(journalId).lastSequence() + 1;
        if (first.copy().topic() == null) {
            pipeline.release(journalId);
            return 0;
        }
        TopicPartition partition =
                new TopicPartition(first.copy().topic(), first.copy().partition());
        List<Incoming> found = reread(partition, journalId.toString(), expected, first.sequence());
        log.info(
                "Re-read {} for journal {}: found {} of the events {}..{}",
                partition,
                journalId,
                found.size(),
                expected,
                first.sequence() - 1);
        filled.increment(found.size());
        pipeline.process(found);
        pipeline.release(journalId);
        return found.size();
    }

    private List<Incoming> reread(TopicPartition partition, String key, long from, long until) {
        List<Incoming> found = new ArrayList<>();
        try (Consumer<String, byte[]> consumer = KafkaConsumers.withoutGroup(kafka.bootstrapServers())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Long sequence = sequence(record);
                    if (key.equals(record.key()) && sequence != null && sequence >= from && sequence < until) {
                        try {
                            found.add(Incoming.fresh(reader.read(record), RecordCopy.of(record)));
                        } catch (RuntimeException unreadable) {
                            log.warn(
                                    "Unreadable record {}-{}@{} while filling a gap",
                                    record.topic(),
                                    record.partition(),
                                    record.offset());
                        }
                    }
                }
            }
        }
        found.sort(Comparator.comparingLong(i -> i.published().sequence()));
        return found;
    }

    private static Long sequence(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(CloudEventsKafka.SEQUENCE);
        try {
            return header == null ? null : Long.valueOf(new String(header.value(), StandardCharsets.UTF_8));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
