package app.rekindle.query.kafka;

import app.rekindle.query.config.RekindleKafkaProperties;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The poll loop, on its own thread. A poll's records are applied together and their offsets committed only
 * after that transaction commits, without waiting ({@link AppliedOffsets}); a crash in between redelivers them,
 * which the position check turns into no-ops. Stopping wakes the consumer, lets the batch in hand finish, commits
 * the offsets applied and waits for that, and closes.
 */
@Component
class JournalEventConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JournalEventConsumer.class);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);
    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");

    private final RekindleKafkaProperties properties;
    private final KafkaConsumers consumers;
    private final RecordHandler handler;
    private volatile boolean running;
    private volatile Consumer<String, byte[]> consumer;
    private CountDownLatch stopped = new CountDownLatch(0);

    JournalEventConsumer(RekindleKafkaProperties properties, KafkaConsumers consumers, RecordHandler handler) {
        this.properties = properties;
        this.consumers = consumers;
        this.handler = handler;
    }

    @Override
    public synchronized void start() {
        if (running || !properties.consumerEnabled()) {
            return;
        }
        consumer = consumers.create();
        running = true;
        stopped = new CountDownLatch(1);
        Thread thread = new Thread(this::run, "rekindle-projection-consumer");
        thread.start();
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        consumer.wakeup();
        try {
            if (!stopped.await(30, TimeUnit.SECONDS)) {
                log.warn("Consumer did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        try (Consumer<String, byte[]> kafka = consumer) {
            AppliedOffsets offsets = new AppliedOffsets(kafka);
            kafka.subscribe(List.of(properties.topic()), offsets);
            while (running) {
                ConsumerRecords<String, byte[]> records;
                try {
                    records = kafka.poll(properties.pollTimeout());
                } catch (WakeupException e) {
                    break;
                }
                process(kafka, records, offsets);
            }
            offsets.commitAll();
        } catch (RuntimeException e) {
            log.error(
                    "Projection consumer stopped unexpectedly ({})",
                    e.getClass().getName(),
                    e);
        } finally {
            running = false;
            stopped.countDown();
        }
    }

    @SuppressWarnings("try") // the MDC scope `trace` is never read: it only has to be open around the handling
    private void process(
            Consumer<String, byte[]> kafka, ConsumerRecords<String, byte[]> records, AppliedOffsets offsets) {
        if (records.isEmpty()) {
            return;
        }
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>(records.count());
        Map<TopicPartition, OffsetAndMetadata> applied = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            batch.add(record);
            applied.put(
                    new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
        }
        try {
            // Ids only, never payload text, reach the logs: the trace id is the one of the request that caused the
            // first event (set by the command service's publisher); each journal's id is logged where it matters.
            try (var trace = MDC.putCloseable("traceId", traceId(batch.getFirst()))) {
                handler.handleAll(batch);
            }
        } catch (RuntimeException e) {
            // The database is unavailable: nothing of the poll was applied (one transaction), so read it again.
            log.warn(
                    "Could not apply records, retrying in {} ({})",
                    RETRY_PAUSE,
                    e.getClass().getName());
            rewind(kafka, records);
            pause();
            return;
        }
        offsets.commitLater(applied);
    }

    /** The trace id of a W3C traceparent in the CloudEvents tracing header, or null. */
    static String traceId(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader("ce_traceparent");
        if (header == null || header.value() == null) {
            return null;
        }
        Matcher traceparent = TRACEPARENT.matcher(new String(header.value(), StandardCharsets.UTF_8));
        return traceparent.matches() ? traceparent.group(1) : null;
    }

    private void rewind(Consumer<String, byte[]> kafka, ConsumerRecords<String, byte[]> records) {
        for (TopicPartition partition : records.partitions()) {
            kafka.seek(partition, records.records(partition).getFirst().offset());
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
