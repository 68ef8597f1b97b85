package app.rekindle.benchmark.lag;

import app.rekindle.benchmark.Latencies;
import app.rekindle.benchmark.OpenLoop;
import app.rekindle.benchmark.Plateau;
import app.rekindle.benchmark.Report;
import app.rekindle.benchmark.ServiceRecording;
import app.rekindle.benchmark.Spread;
import app.rekindle.benchmark.Testbed;
import app.rekindle.benchmark.Topics;
import app.rekindle.events.CloudEventsKafka;
import app.rekindle.events.PublishedEvent;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * From the moment a check-in is due (open loop at half the measured maximum command rate) until the query
 * service's views have applied it, read from its {@code journal_position} table every 2 ms. The floor is Kafka
 * alone on the same broker: a record of the same size produced at the same rate with the publisher's settings,
 * from due time to a consumer receiving it.
 */
public final class EndToEndLag {

    private static final int JOURNALS = 16;
    private static final String FLOOR_TOPIC = "bench.lag-floor";
    private static final String DUE_HEADER = "bench-due-nanos";
    private static final String CHECK_IN = "{\"mood\":4,\"connection\":3,\"note\":\"Walked by the river after dinner "
            + "and talked about the summer\"}";

    private record Pending(UUID journal, long version, long dueNanos) {}

    private final Testbed bed;
    private final List<UUID> journals = new ArrayList<>();
    /** The query service's consumer group (rekindle.kafka.group-id, as the launcher leaves it). */
    public static final String QUERY_GROUP = "rekindle-query";

    private volatile String lastFailure;

    public EndToEndLag(Testbed bed) {
        this.bed = bed;
    }

    public void run(Report report, double maxCommandRate) throws Exception {
        if (!(maxCommandRate > 0)) {
            // NaN when the command section did not run: an open loop at NaN/s would flood the heap.
            throw new IllegalStateException("The lag runs at half the measured command rate; measure commands too");
        }
        double rate = Math.max(2, maxCommandRate / 2);
        Report.Section section = report.section(
                "2. End-to-end lag",
                "raw produce → consume on the same broker, same record size and rate, publisher's producer settings");
        openJournals();
        Topics.create(bed.kafka(), FLOOR_TOPIC, Testbed.PARTITIONS);
        awaitQuerySideCaughtUp(Duration.ofMinutes(10));
        Rounds rounds = new Rounds();
        ProjectionWarmUp warmUp;
        try (Connection views = bed.connect("views");
                KafkaProducer<String, byte[]> producer = Topics.producer(bed.kafka());
                LagStages stages = new LagStages(bed.kafka(), bed.topic())) {
            floor(producer, rate, Duration.ofSeconds(1));
            warmUp = warmUpProjection(views, rate, stages);
            // Profiled when asked: both services that stand between a check-in and the views, and this JVM, which
            // hosts the Kafka broker, sends the check-ins and watches the views.
            List<ServiceRecording.Service> recorded = List.of(
                    new ServiceRecording.Service(
                            bed.service("query-service.jar").orElse(null), "lag-query-service"),
                    new ServiceRecording.Service(
                            bed.service("command-service.jar").orElse(null), "lag-command-service"),
                    new ServiceRecording.Service(ProcessHandle.current(), "lag-benchmark"));
            ServiceRecording.during(bed, recorded, () -> {
                PostgresWaits waits = PostgresWaits.whenProfiling(bed);
                try {
                    rounds(views, producer, stages, rate, rounds);
                } finally {
                    if (waits != null) {
                        waits.close();
                    }
                }
            });
            addRows(section, rounds);
            stages.report(section, bed.output().resolve("lag-stages.csv"));
        }
        section.notes()
                .add(String.format(
                        Locale.ROOT,
                        "Open loop at %.1f check-ins/s (half of %.0f/s) over %d "
                                + "journals; latency counted from each request's due time. The stage rows split the same check-ins "
                                + "at the command's answer, the publisher's hand-over to Kafka and a plain consumer's receipt.",
                        rate,
                        maxCommandRate,
                        JOURNALS));
        section.notes()
                .add(String.format(
                        Locale.ROOT,
                        "Before the rounds, the query service is warmed by the same load, unrecorded: lag phases at "
                                + "the rounds' rate and length until the mean p50 of stage 4 (received → visible, the "
                                + "projection) over the last %d phases is within %.0f%% of the mean over the %d before, "
                                + "for at most %d s: %s after %d phases (%.0f s; stage 4 p50 per phase %s ms).",
                        Plateau.LATENCY.window(),
                        Plateau.LATENCY.tolerance() * 100,
                        Plateau.LATENCY.window(),
                        bed.mode().lagWarmUpLimit().toSeconds(),
                        warmUp.settled() ? "settled" : "still falling",
                        warmUp.projectionP50().size(),
                        warmUp.seconds(),
                        warmUp.projectionP50().stream()
                                .map(p -> String.format(Locale.ROOT, "%.1f", p))
                                .collect(Collectors.joining(", "))));
        long failed = rounds.phases().stream().mapToLong(Phase::failed).sum();
        if (failed > 0) {
            section.notes()
                    .add(failed + " check-ins failed during the lag rounds and are not in the figures; the "
                            + "last answered " + lastFailure);
        }
    }

    /**
     * The recorded rounds' figures, one entry per round in each list: the raw floor's and Rekindle's percentiles,
     * and Rekindle's phases. Filled by {@link #rounds} inside the recording, read once it has ended.
     */
    private record Rounds(
            List<Double> floorP50, List<Double> floorP99, List<Double> p50, List<Double> p99, List<Phase> phases) {

        Rounds() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }

        void add(Latencies floor, Phase phase) {
            floorP50.add(floor.percentileMillis(50));
            floorP99.add(floor.percentileMillis(99));
            p50.add(phase.latencies().percentileMillis(50));
            p99.add(phase.latencies().percentileMillis(99));
            phases.add(phase);
        }

        double worstDrainSeconds() {
            return phases.stream().mapToDouble(Phase::drainSeconds).max().orElse(0);
        }
    }

    private void rounds(
            Connection views, KafkaProducer<String, byte[]> producer, LagStages stages, double rate, Rounds rounds)
            throws Exception {
        for (int round = 0; round < bed.mode().rounds(); round++) {
            Latencies floor = floor(producer, rate, bed.mode().readPhase(1, rate));
            Phase phase = rekindle(views, rate, bed.mode().readPhase(1, rate), stages, true);
            rounds.add(floor, phase);
            System.out.printf(
                    Locale.ROOT,
                    "  lag at %.0f/s, round %d: floor p99 %.1f ms, Rekindle p99 %.1f ms, drained in %.2f s%n",
                    rate,
                    round + 1,
                    rounds.floorP99().getLast(),
                    rounds.p99().getLast(),
                    phase.drainSeconds());
        }
    }

    /** How the query service's warm-up ended: stage 4's p50 of each phase, whether it had settled, its seconds. */
    private record ProjectionWarmUp(List<Double> projectionP50, boolean settled, double seconds) {}

    /**
     * Unrecorded lag phases at the rounds' rate and length until stage 4's p50 (the query service projecting and
     * the view showing it) has stopped falling ({@link Plateau#LATENCY}), or until the mode's {@link
     * app.rekindle.benchmark.Mode#lagWarmUpLimit}. The command section warms the command service; nothing before
     * this section projects at a steady rate, and in the full run of 2026-12-05 stage 4's p50 fell from 164 to 22 ms
     * across the recorded rounds.
     */
    private ProjectionWarmUp warmUpProjection(Connection views, double rate, LagStages stages) throws Exception {
        long started = System.nanoTime();
        long deadline = started + bed.mode().lagWarmUpLimit().toNanos();
        List<Double> projectionP50 = new ArrayList<>();
        while (true) {
            Phase phase = rekindle(views, rate, bed.mode().readPhase(1, rate), stages, false);
            projectionP50.add(phase.projectionP50());
            boolean settled = Plateau.LATENCY.stoppedFalling(projectionP50);
            System.out.printf(
                    Locale.ROOT,
                    "  lag at %.0f/s, query-service warm-up phase %d: stage 4 p50 %.1f ms, due → visible p99 %.1f ms%s%n",
                    rate,
                    projectionP50.size(),
                    phase.projectionP50(),
                    phase.latencies().percentileMillis(99),
                    settled ? ", settled" : "");
            if (settled || System.nanoTime() > deadline) {
                return new ProjectionWarmUp(projectionP50, settled, (System.nanoTime() - started) / 1e9);
            }
        }
    }

    /**
     * Rekindle's due → visible p50 and p99 in milliseconds, one of each per round, and each stage's p50 over all the
     * rounds' check-ins ({@link LagStages#NAMES}, in order).
     */
    public record Percentiles(List<Double> p50, List<Double> p99, List<Double> stageP50) {

        public static String stageName(int stage) {
            return LagStages.NAMES[stage];
        }
    }

    /**
     * Rekindle's lag alone (no floor), with each stage's share, at {@code rate} for {@code rounds} rounds of the mode's
     * phase, after an unrecorded second, once the query service has caught up with the topic: the pipeline compared
     * with itself, e.g. with the event store at two sizes.
     */
    public Percentiles rekindleOnly(double rate, int rounds) throws Exception {
        openJournals();
        awaitQuerySideCaughtUp(Duration.ofMinutes(30));
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        try (Connection views = bed.connect("views");
                LagStages stages = new LagStages(bed.kafka(), bed.topic())) {
            rekindle(views, rate, Duration.ofSeconds(1), stages, false);
            for (int round = 0; round < rounds; round++) {
                Phase phase = rekindle(views, rate, bed.mode().readPhase(1, rate), stages, true);
                if (phase.failed() > 0) {
                    throw new IllegalStateException(
                            phase.failed() + " check-ins failed during a lag round; the last answered " + lastFailure);
                }
                p50.add(phase.latencies().percentileMillis(50));
                p99.add(phase.latencies().percentileMillis(99));
            }
            return new Percentiles(p50, p99, stages.percentiles(50));
        }
    }

    private void openJournals() {
        while (journals.size() < JOURNALS) {
            journals.add(bed.openJournal());
        }
    }

    private static void addRows(Report.Section section, Rounds rounds) {
        List<Double> p50 = rounds.p50();
        List<Double> p99 = rounds.p99();
        List<Double> floorP50 = rounds.floorP50();
        List<Double> floorP99 = rounds.floorP99();
        double worstDrain = rounds.worstDrainSeconds();
        section.rows()
                .add(new Report.Row(
                        "due → visible in the view, p50",
                        "ms",
                        Spread.of(p50).median(),
                        Spread.of(floorP50).median(),
                        Spread.ofRatios(p50, floorP50),
                        null,
                        null));
        Spread p99Ratio = Spread.ofRatios(p99, floorP99);
        section.rows()
                .add(new Report.Row(
                        "due → visible in the view, p99",
                        "ms",
                        Spread.of(p99).median(),
                        Spread.of(floorP99).median(),
                        p99Ratio,
                        "≤ 10× floor p99",
                        p99Ratio.median() <= 10));
        section.rows()
                .add(new Report.Row(
                        "lag left when the load stops, drained within (worst round)",
                        "s",
                        worstDrain,
                        null,
                        null,
                        "≤ 5 s",
                        worstDrain <= 5));
    }

    private record Phase(Latencies latencies, double drainSeconds, long failed, double projectionP50) {}

    /**
     * The publisher section leaves a backlog of tens of thousands of events for the query service; latency measured
     * behind it would be the backlog's. Waits until the query service's group has committed the topic's end.
     */
    public void awaitQuerySideCaughtUp(Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bed.kafka()));
                KafkaConsumer<String, byte[]> consumer = Topics.consumer(bed.kafka(), null)) {
            while (true) {
                long end = Topics.endOffsetSum(consumer, bed.topic());
                long committed = Topics.committedSum(admin, QUERY_GROUP, bed.topic());
                if (committed >= end) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "The query service is still " + (end - committed) + " events behind after " + atMost);
                }
                Thread.sleep(200);
            }
        }
    }

    private Phase rekindle(Connection views, double rate, Duration length, LagStages stages, boolean measured)
            throws Exception {
        Latencies latencies = new Latencies();
        ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();
        AtomicLong failed = new AtomicLong();
        Watcher watcher = new Watcher(views, pending, latencies, stages);
        stages.startRound();
        Thread watching = Thread.ofPlatform().name("lag-watcher").start(watcher);
        long lastDue = OpenLoop.run(rate, length, (i, due) -> {
            UUID journal = journals.get((int) (i % journals.size()));
            HttpResponse<String> answer = bed.send(bed.command("/journals/" + journal + "/check-ins")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(CHECK_IN))
                    .build());
            if (answer.statusCode() == 201) {
                long answered = System.nanoTime();
                long version = Testbed.parse(answer.body()).get("version").asLong();
                stages.answered(journal, version, due, answered);
                pending.add(new Pending(journal, version, due));
            } else {
                failed.incrementAndGet();
                lastFailure = answer.statusCode() + " " + answer.body();
            }
        });
        watcher.stopWhenEmpty();
        watching.join(90_000);
        if (watching.isAlive() || watcher.failure() != null) {
            // Never a figure without its samples: a round whose check-ins did not all arrive fails the section.
            throw new IllegalStateException("The lag round did not complete", watcher.failure());
        }
        double projectionP50 = stages.endRound(measured);
        double drain = Math.max(0, (watcher.emptiedAt() - lastDue) / 1e9);
        return new Phase(latencies, drain, failed.get(), projectionP50);
    }

    /** Polls the views' positions and settles every pending check-in its journal has reached. */
    private final class Watcher implements Runnable {
        private final Connection views;
        private final ConcurrentLinkedQueue<Pending> pending;
        private final Latencies latencies;
        private final LagStages stages;
        private volatile boolean stopWhenEmpty;
        private volatile long emptiedAt;
        private volatile Exception failure;

        Watcher(Connection views, ConcurrentLinkedQueue<Pending> pending, Latencies latencies, LagStages stages) {
            this.views = views;
            this.pending = pending;
            this.latencies = latencies;
            this.stages = stages;
        }

        void stopWhenEmpty() {
            stopWhenEmpty = true;
        }

        long emptiedAt() {
            return emptiedAt;
        }

        Exception failure() {
            return failure;
        }

        @Override
        public void run() {
            try (PreparedStatement select = views.prepareStatement(
                    "select journal_id, last_sequence from journal_position where journal_id = any(?)")) {
                Array ids = views.createArrayOf(
                        "uuid", journals.stream().map(UUID::toString).toArray());
                select.setArray(1, ids);
                long deadline = Long.MAX_VALUE;
                while (true) {
                    Map<UUID, Long> positions = new HashMap<>();
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            positions.put(rs.getObject(1, UUID.class), rs.getLong(2));
                        }
                    }
                    for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
                        Pending p = it.next();
                        if (positions.getOrDefault(p.journal(), -1L) >= p.version()) {
                            latencies.recordSince(p.dueNanos());
                            stages.visible(p.journal(), p.version(), System.nanoTime());
                            it.remove();
                        }
                    }
                    if (stopWhenEmpty) {
                        if (pending.isEmpty()) {
                            emptiedAt = System.nanoTime();
                            return;
                        }
                        deadline = Math.min(deadline, System.nanoTime() + 60_000_000_000L);
                        if (System.nanoTime() > deadline) {
                            throw new IllegalStateException(pending.size() + " check-ins never reached the views");
                        }
                    }
                    Thread.sleep(2);
                }
            } catch (Exception e) {
                failure = e;
            }
        }
    }

    private Latencies floor(KafkaProducer<String, byte[]> producer, double rate, Duration length) throws Exception {
        Latencies latencies = new Latencies();
        AtomicLong expected = new AtomicLong();
        try (KafkaConsumer<String, byte[]> consumer = Topics.consumer(bed.kafka(), null)) {
            List<TopicPartition> partitions = consumer.partitionsFor(FLOOR_TOPIC).stream()
                    .map(info -> new TopicPartition(FLOOR_TOPIC, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            Thread receiving = Thread.ofPlatform().name("lag-floor-consumer").start(() -> {
                long deadline = Long.MAX_VALUE;
                while (latencies.count() < expected.get() || expected.get() == 0) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(5))) {
                        latencies.recordSince(ByteBuffer.wrap(
                                        record.headers().lastHeader(DUE_HEADER).value())
                                .getLong());
                    }
                    if (expected.get() > 0) {
                        deadline = Math.min(deadline, System.nanoTime() + 60_000_000_000L);
                        if (System.nanoTime() > deadline) {
                            return;
                        }
                    }
                }
            });
            AtomicLong sent = new AtomicLong();
            Instant now = Instant.now();
            OpenLoop.run(rate, length, (i, due) -> {
                UUID journal = journals.get((int) (i % journals.size()));
                ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord(
                        FLOOR_TOPIC,
                        PublishedEvent.of(UUID.randomUUID().toString(), i + 1, Topics.checkIn(journal, now)));
                record.headers()
                        .add(
                                DUE_HEADER,
                                ByteBuffer.allocate(Long.BYTES).putLong(due).array());
                producer.send(record);
                sent.incrementAndGet();
            });
            expected.set(sent.get());
            receiving.join(70_000);
        }
        return latencies;
    }
}
