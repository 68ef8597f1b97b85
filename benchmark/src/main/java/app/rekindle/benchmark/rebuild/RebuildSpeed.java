package app.rekindle.benchmark.rebuild;

import app.rekindle.benchmark.Report;
import app.rekindle.benchmark.ServiceRecording;
import app.rekindle.benchmark.Spread;
import app.rekindle.benchmark.Testbed;
import app.rekindle.benchmark.Topics;
import app.rekindle.benchmark.memory.MemorySampler;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * How fast a fresh consumer group rebuilds the views from a topic that already holds the whole history: a new
 * query-service process with an empty schema, against the raw projection. The topic is filled once (synthetic
 * journals: opened, then check-ins); each round the raw projection reads it from offset 0 with a group of its
 * own, then a new query-service process does. The rate counts from the first applied event to the last, or to
 * the round's time cap, read from each schema's {@code journal_position}: the process's start-up is not timed.
 */
public final class RebuildSpeed {

    private static final int EVENTS_PER_JOURNAL = 100;
    private static final String TOPIC = "bench.rebuild-source";
    private static final String PROCESS = "query-service (rebuild)";
    private static final Duration STRETCH = Duration.ofSeconds(5);

    private final Testbed bed;
    private final MemorySampler memory;

    public RebuildSpeed(Testbed bed, MemorySampler memory) {
        this.bed = bed;
        this.memory = memory;
    }

    public double run(Report report) throws Exception {
        Report.Section section = report.section(
                "4. Rebuild",
                "a plain consumer deserializing the same records with `CloudEventsKafka.fromRecord` and writing "
                        + "journal, timeline and position rows with batched JDBC, one transaction per poll");
        int events = bed.mode().rebuildEvents();
        long run = System.currentTimeMillis() % 100_000;
        Topics.create(bed.kafka(), TOPIC, Testbed.PARTITIONS);
        long producing = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = Topics.loader(bed.kafka())) {
            Topics.journals(TOPIC, events, EVENTS_PER_JOURNAL, producer::send);
            producer.flush();
        }
        double produceSeconds = (System.nanoTime() - producing) / 1e9;
        List<Double> baseline = new ArrayList<>();
        List<Rate> rekindleRounds = new ArrayList<>();
        boolean allReachedEnd = true;
        for (int round = 1; round <= bed.mode().rebuildRounds(); round++) {
            String rawSchema = "bench_raw_" + round;
            RawProjection.createSchema(bed, rawSchema);
            RawProjection raw = new RawProjection(bed, rawSchema, TOPIC, "bench-raw-" + run + "-" + round, events);
            Thread consuming = Thread.ofPlatform().name("raw-projection").start(raw);
            Rate baselineRate = measure(rawSchema, events, consuming::isAlive);
            raw.stop();
            consuming.join(30_000);

            String schema = "rebuild_" + round;
            try (RebuildingQueryService service = RebuildingQueryService.start(
                    bed, "query-rebuild-" + round, schema, TOPIC, "bench-rebuild-" + run + "-" + round)) {
                memory.watch(PROCESS, service.handle(), service.url());
                ServiceRecording.during(
                        bed,
                        service.handle(),
                        "rebuild-" + round + "-query-service",
                        () -> rekindleRounds.add(measure(schema, events, service::isAlive)));
                memory.forget(PROCESS);
            }
            Rate rekindleRate = rekindleRounds.getLast();
            baseline.add(baselineRate.perSecond());
            allReachedEnd &= baselineRate.reachedEnd() && rekindleRate.reachedEnd();
            System.out.printf(
                    Locale.ROOT,
                    "  rebuild, round %d: raw %.0f events/s (%d applied; per %d s: %s), "
                            + "query service %.0f events/s (%d applied; per %d s: %s)%n",
                    round,
                    baselineRate.perSecond(),
                    baselineRate.applied(),
                    STRETCH.toSeconds(),
                    baselineRate.stretches(),
                    rekindleRate.perSecond(),
                    rekindleRate.applied(),
                    STRETCH.toSeconds(),
                    rekindleRate.stretches());
        }
        List<Double> rekindle = rekindleRounds.stream().map(Rate::perSecond).toList();
        Spread ratio = Spread.ofRatios(rekindle, baseline);
        double median = Spread.of(rekindle).median();
        section.rows()
                .add(new Report.Row(
                        "views rebuilt by a fresh consumer group",
                        "events/s",
                        median,
                        Spread.of(baseline).median(),
                        ratio,
                        "≥ 0.5× baseline",
                        ratio.median() >= 0.5));
        section.notes()
                .add(String.format(
                        Locale.ROOT,
                        "The topic holds %,d events (journals of %d: opened, then "
                                + "check-ins; %d partitions; produced in %.1f s); each round capped at %d s%s.",
                        events,
                        EVENTS_PER_JOURNAL,
                        Testbed.PARTITIONS,
                        produceSeconds,
                        bed.mode().rebuildCap().toSeconds(),
                        allReachedEnd
                                ? " and every round reached the end"
                                : " — rounds that hit the cap are rated over what they applied by then"));
        return median;
    }

    /**
     * A round's rate from its first applied event, how many it applied, whether it reached the topic's end, and its
     * rate in each {@link #STRETCH} from the first applied event (the console shows whether a fresh process speeds
     * up within the round).
     */
    private record Rate(double perSecond, long applied, boolean reachedEnd, List<Double> perStretch) {

        String stretches() {
            return perStretch.stream()
                    .map(r -> String.format(Locale.ROOT, "%.0f", r))
                    .collect(Collectors.joining(", "));
        }
    }

    /**
     * Watches a schema's positions from the first applied event until all are applied or the cap is reached. The
     * query service's schema does not exist until its Flyway migration has run: until then nothing is applied.
     */
    private Rate measure(String schema, long events, BooleanSupplier alive) throws Exception {
        long cap = bed.mode().rebuildCap().toNanos();
        long firstAt = 0;
        long firstApplied = 0;
        long waitingSince = System.nanoTime();
        List<Double> perStretch = new ArrayList<>();
        long stretchStart = 0;
        long stretchApplied = 0;
        try (Connection db = bed.connect("public")) {
            while (true) {
                long count = applied(db, schema);
                long now = System.nanoTime();
                if (firstAt == 0 && count > 0) {
                    firstAt = now;
                    firstApplied = count;
                    stretchStart = now;
                    stretchApplied = count;
                }
                if (firstAt != 0 && now - stretchStart >= STRETCH.toNanos()) {
                    perStretch.add((count - stretchApplied) / ((now - stretchStart) / 1e9));
                    stretchStart = now;
                    stretchApplied = count;
                }
                if (firstAt != 0 && (count >= events || now - firstAt >= cap)) {
                    double seconds = Math.max(now - firstAt, 1_000_000) / 1e9;
                    return new Rate((count - firstApplied) / seconds, count, count >= events, perStretch);
                }
                if (firstAt == 0 && !alive.getAsBoolean()) {
                    throw new IllegalStateException(
                            "The consumer for " + schema + " ended before applying anything" + " (see services.log)");
                }
                if (firstAt == 0 && now - waitingSince > Duration.ofMinutes(3).toNanos()) {
                    throw new IllegalStateException("Nothing was applied in " + schema + " within three minutes");
                }
                Thread.sleep(50);
            }
        }
    }

    private static long applied(Connection db, String schema) throws SQLException {
        try (Statement select = db.createStatement();
                ResultSet rs = select.executeQuery(
                        "select coalesce(sum(last_sequence + 1), 0) from " + schema + ".journal_position")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState()) || "3F000".equals(e.getSQLState())) {
                return 0; // the table (or schema) is not there yet
            }
            throw e;
        }
    }
}
