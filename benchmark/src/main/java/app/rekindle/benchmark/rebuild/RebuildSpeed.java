package app.rekindle.benchmark.rebuild;

import app.rekindle.benchmark.Report;
import app.rekindle.benchmark.Spread;
import app.rekindle.benchmark.Testbed;
import app.rekindle.benchmark.Topics;
import app.rekindle.benchmark.memory.MemorySampler;
import org.apache.kafka.clients.producer.KafkaProducer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How fast a fresh consumer group rebuilds the views from the topic: a new query-service process with an empty
 * schema, against the raw projection. Both rebuild rounds read a topic of their own, filled with the round's
 * events (synthetic journals: opened, then check-ins) the moment the round starts; the rate counts from the first
 * applied event to the last, or to the round's time cap, read from each schema's {@code journal_position}.
 *
 * <p>The query-service processes are all started (and idle on their empty topics) before the first round, so
 * their start-up is neither timed nor paid for between rounds.
 */
public final class RebuildSpeed {

    private static final int EVENTS_PER_JOURNAL = 100;

    private final Testbed bed;
    private final MemorySampler memory;

    public RebuildSpeed(Testbed bed, MemorySampler memory) {
        this.bed = bed;
        this.memory = memory;
    }

    public double run(Report report) throws Exception {
        Report.Section section = report.section("4. Rebuild",
                "a plain consumer deserializing the same records with `CloudEventsKafka.fromRecord` and writing "
                        + "journal, timeline and position rows with batched JDBC, one transaction per poll");
        int rounds = bed.mode().rounds();
        int events = bed.mode().rebuildEvents();
        long run = System.currentTimeMillis() % 100_000;
        List<RebuildingQueryService> services = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        List<Double> rekindle = new ArrayList<>();
        boolean allReachedEnd = true;
        try (KafkaProducer<String, byte[]> producer = Topics.producer(bed.kafka())) {
            for (int round = 1; round <= rounds; round++) {
                Topics.create(bed.kafka(), topic("views", round), Testbed.PARTITIONS);
                Topics.create(bed.kafka(), topic("raw", round), Testbed.PARTITIONS);
                services.add(RebuildingQueryService.start(bed, "query-rebuild-" + round, "rebuild_" + round,
                        topic("views", round), "bench-rebuild-" + run + "-" + round));
            }
            for (RebuildingQueryService service : services) {
                service.awaitReady(bed, Duration.ofMinutes(3));
            }
            memory.watch("query-service (rebuild)", services.getFirst().handle(), services.getFirst().url());
            for (int round = 1; round <= rounds; round++) {
                String rawSchema = "bench_raw_" + round;
                RawProjection.createSchema(bed, rawSchema);
                RawProjection raw = new RawProjection(bed, rawSchema, topic("raw", round),
                        "bench-raw-" + run + "-" + round, events);
                Thread consuming = Thread.ofPlatform().name("raw-projection").start(raw);
                produce(producer, topic("raw", round), events);
                Rate baselineRate = measure(rawSchema, events);
                raw.stop();
                consuming.join(30_000);

                produce(producer, topic("views", round), events);
                Rate rekindleRate = measure("rebuild_" + round, events);
                RebuildingQueryService service = services.get(round - 1);
                memory.forget("query-service (rebuild)");
                service.close();
                if (round < rounds) {
                    memory.watch("query-service (rebuild)", services.get(round).handle(), services.get(round).url());
                }
                baseline.add(baselineRate.perSecond());
                rekindle.add(rekindleRate.perSecond());
                allReachedEnd &= baselineRate.reachedEnd() && rekindleRate.reachedEnd();
                System.out.printf(Locale.ROOT, "  rebuild, round %d: raw %.0f events/s (%d applied), "
                                + "query service %.0f events/s (%d applied)%n", round, baselineRate.perSecond(),
                        baselineRate.applied(), rekindleRate.perSecond(), rekindleRate.applied());
            }
        } finally {
            services.forEach(RebuildingQueryService::close);
        }
        Spread ratio = Spread.ofRatios(rekindle, baseline);
        double median = Spread.of(rekindle).median();
        section.rows().add(new Report.Row("views rebuilt by a fresh consumer group", "events/s", median,
                Spread.of(baseline).median(), ratio, "≥ 0.5× baseline", ratio.median() >= 0.5));
        section.notes().add(String.format(Locale.ROOT, "%,d events per round (journals of %d: opened, then "
                        + "check-ins) on a topic of %d partitions; each round capped at %d s%s.", events,
                EVENTS_PER_JOURNAL, Testbed.PARTITIONS, bed.mode().rebuildCap().toSeconds(),
                allReachedEnd ? " (every round reached the end)"
                        : " — some rounds hit the cap before the end: their rate is over what they applied by then"));
        return median;
    }

    private static String topic(String kind, int round) {
        return "bench.rebuild-" + kind + "-" + round;
    }

    private static void produce(KafkaProducer<String, byte[]> producer, String topic, int events) {
        Topics.journals(topic, events, EVENTS_PER_JOURNAL, producer::send);
        producer.flush();
    }

    private record Rate(double perSecond, long applied, boolean reachedEnd) {
    }

    /** Watches a schema's positions from the first applied event until all are applied or the cap is reached. */
    private Rate measure(String schema, long events) throws Exception {
        long cap = bed.mode().rebuildCap().toNanos();
        long firstAt = 0;
        long firstApplied = 0;
        long waitingSince = System.nanoTime();
        try (Connection db = bed.connect(schema);
             PreparedStatement applied = db.prepareStatement(
                     "select coalesce(sum(last_sequence + 1), 0) from journal_position")) {
            while (true) {
                long count;
                try (ResultSet rs = applied.executeQuery()) {
                    rs.next();
                    count = rs.getLong(1);
                }
                long now = System.nanoTime();
                if (firstAt == 0 && count > 0) {
                    firstAt = now;
                    firstApplied = count;
                }
                if (firstAt != 0 && (count >= events || now - firstAt >= cap)) {
                    double seconds = Math.max(now - firstAt, 1_000_000) / 1e9;
                    return new Rate((count - firstApplied) / seconds, count, count >= events);
                }
                if (firstAt == 0 && now - waitingSince > 120_000_000_000L) {
                    throw new IllegalStateException("Nothing was applied in " + schema + " within two minutes");
                }
                Thread.sleep(50);
            }
        }
    }
}
