package app.rekindle.benchmark.lag;

import app.rekindle.benchmark.Latencies;
import app.rekindle.benchmark.Report;
import app.rekindle.benchmark.Topics;
import app.rekindle.events.CloudEventsKafka;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

/**
 * Splits each lag sample into the pipeline's stages, so a late check-in shows where it waited:
 * <ol>
 *     <li>due → the command service answered 201 (the HTTP command, its queue included);</li>
 *     <li>answered → the publisher handed the event to its Kafka producer (the record's create time);</li>
 *     <li>handed → a plain consumer of the journal topic received it (producer batching, broker, fetch);</li>
 *     <li>received → the query service's views show it (projection, plus the watcher's 2 ms poll).</li>
 * </ol>
 * The create time is wall-clock milliseconds, so stages 2 and 3 are good to about a millisecond; a stage that
 * comes out negative (the query service can beat the plain consumer) counts as zero.
 */
final class LagStages implements AutoCloseable {

    static final String[] NAMES = {
        "due → command answered",
        "answered → handed to Kafka",
        "handed → received by a plain consumer",
        "received → visible in the views"
    };
    private static final int DUE = 0;
    private static final int ANSWERED = 1;
    private static final int HANDED = 2;
    private static final int RECEIVED = 3;
    private static final int VISIBLE = 4;

    private final KafkaConsumer<String, byte[]> tap;
    private final List<TopicPartition> partitions;
    /** Wall-clock nanoseconds minus {@link System#nanoTime()}, to place record timestamps on the nano clock. */
    private final long wallOffsetNanos = System.currentTimeMillis() * 1_000_000L - System.nanoTime();

    private final Map<String, long[]> byEvent = new ConcurrentHashMap<>();
    private final List<long[]> completed = new ArrayList<>();
    /**
     * Every measured check-in's stages, one line each, for finding out whether the slow ones come together; {@code
     * due_epoch_ms} is the due time on the wall clock, to find a slow check-in's moment in a flight recording.
     */
    private final StringBuilder csv = new StringBuilder("round,due_ms,due_epoch_ms,"
            + String.join(
                    ",",
                    Arrays.stream(NAMES).map(name -> '"' + name + " (ms)\"").toList()) + "\n");

    private int rounds;
    private long firstDue;
    private volatile boolean tapping;
    private Thread tapThread;

    LagStages(String bootstrapServers, String topic) {
        tap = Topics.consumer(bootstrapServers, null);
        partitions = tap.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        tap.assign(partitions);
    }

    /** Starts reading the topic from its end; call before a round's first check-in. */
    void startRound() {
        byEvent.clear();
        tap.seekToEnd(partitions);
        partitions.forEach(tap::position);
        tapping = true;
        tapThread = Thread.ofPlatform().name("lag-tap").start(() -> {
            while (tapping) {
                for (ConsumerRecord<String, byte[]> record : tap.poll(Duration.ofMillis(5))) {
                    long received = System.nanoTime();
                    long[] times = times(record.key(), sequence(record));
                    times[HANDED] = record.timestamp() * 1_000_000L - wallOffsetNanos;
                    times[RECEIVED] = received;
                }
            }
        });
    }

    void answered(UUID journal, long version, long dueNanos, long answeredNanos) {
        long[] times = times(journal.toString(), version);
        times[DUE] = dueNanos;
        times[ANSWERED] = answeredNanos;
    }

    void visible(UUID journal, long version, long visibleNanos) {
        times(journal.toString(), version)[VISIBLE] = visibleNanos;
    }

    /**
     * Ends the round; {@code measured} rounds keep their samples for {@link #report}.
     *
     * @return the round's p50 of the last stage (received → visible, the projection) in milliseconds, NaN if no
     *     check-in was seen at every stage
     */
    double endRound(boolean measured) throws InterruptedException {
        // Every check-in is visible by now, so its record is on the topic; give the plain consumer a moment to have
        // read them all (one it never reads leaves its check-in out of the breakdown, not the round).
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (byEvent.values().stream().anyMatch(t -> t[ANSWERED] != 0 && t[RECEIVED] == 0)
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        tapping = false;
        tapThread.join();
        List<long[]> seen = byEvent.values().stream()
                .filter(t -> Arrays.stream(t).allMatch(v -> v != 0))
                .sorted(Comparator.comparingLong(t -> t[DUE]))
                .toList();
        Latencies projection = new Latencies();
        seen.forEach(t -> projection.record(stage(t, NAMES.length - 1)));
        double projectionP50 = seen.isEmpty() ? Double.NaN : projection.percentileMillis(50);
        if (!measured) {
            return projectionP50;
        }
        rounds++;
        completed.addAll(seen);
        if (firstDue == 0 && !seen.isEmpty()) {
            firstDue = seen.getFirst()[DUE];
        }
        for (long[] t : seen) {
            csv.append(rounds).append(',').append(String.format(Locale.ROOT, "%.1f", millis(t[DUE] - firstDue)));
            csv.append(',').append(String.format(Locale.ROOT, "%.1f", millis(t[DUE] + wallOffsetNanos)));
            for (int stage = 0; stage < NAMES.length; stage++) {
                csv.append(',').append(String.format(Locale.ROOT, "%.2f", millis(stage(t, stage))));
            }
            csv.append('\n');
        }
        return projectionP50;
    }

    /**
     * Adds p50 and p99 of every stage, and what the slowest 1% spent in each, to the section; writes every sample
     * to {@code csvFile}.
     */
    void report(Report.Section section, Path csvFile) throws IOException {
        Files.createDirectories(csvFile.toAbsolutePath().getParent());
        Files.writeString(csvFile, csv);
        if (completed.isEmpty()) {
            section.notes().add("No check-in was seen at every stage; the stage breakdown is missing.");
            return;
        }
        List<Double> p50 = percentiles(50);
        List<Double> p99 = percentiles(99);
        for (int stage = 0; stage < NAMES.length; stage++) {
            section.rows()
                    .add(new Report.Row(
                            "stage " + (stage + 1) + ", " + NAMES[stage] + ", p50",
                            "ms",
                            p50.get(stage),
                            null,
                            null,
                            null,
                            null));
            section.rows()
                    .add(new Report.Row(
                            "stage " + (stage + 1) + ", " + NAMES[stage] + ", p99",
                            "ms",
                            p99.get(stage),
                            null,
                            null,
                            null,
                            null));
        }
        List<long[]> slowest = completed.stream()
                .sorted(Comparator.comparingLong((long[] t) -> t[VISIBLE] - t[DUE])
                        .reversed())
                .limit(Math.max(1, completed.size() / 100))
                .toList();
        StringBuilder note = new StringBuilder(String.format(
                Locale.ROOT,
                "The slowest 1%% (%d of %d check-ins with every stage seen) spent on average:",
                slowest.size(),
                completed.size()));
        for (int stage = 0; stage < NAMES.length; stage++) {
            int s = stage;
            double mean = slowest.stream().mapToLong(t -> stage(t, s)).average().orElse(Double.NaN);
            note.append(String.format(
                    Locale.ROOT, " %s %.1f ms%s", NAMES[stage], mean / 1e6, stage < NAMES.length - 1 ? ";" : "."));
        }
        section.notes().add(note.toString());
        System.out.println("  " + note);
    }

    /** Each stage's latency at {@code percentile} over the measured rounds' check-ins, in stage order (ms). */
    List<Double> percentiles(double percentile) {
        List<Double> values = new ArrayList<>();
        for (int stage = 0; stage < NAMES.length; stage++) {
            Latencies latencies = new Latencies();
            for (long[] times : completed) {
                latencies.record(stage(times, stage));
            }
            values.add(completed.isEmpty() ? Double.NaN : latencies.percentileMillis(percentile));
        }
        return values;
    }

    private long[] times(String journal, long sequence) {
        return byEvent.computeIfAbsent(journal + '/' + sequence, key -> new long[VISIBLE + 1]);
    }

    private static long stage(long[] times, int stage) {
        return Math.max(0, times[stage + 1] - times[stage]);
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static long sequence(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(CloudEventsKafka.SEQUENCE);
        return header == null ? -1 : Long.parseLong(new String(header.value(), StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        tapping = false;
        tap.close();
    }
}
