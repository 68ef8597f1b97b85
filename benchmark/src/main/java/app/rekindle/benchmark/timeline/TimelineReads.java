package app.rekindle.benchmark.timeline;

import app.rekindle.benchmark.BlockingGet;
import app.rekindle.benchmark.Latencies;
import app.rekindle.benchmark.OpenLoop;
import app.rekindle.benchmark.Report;
import app.rekindle.benchmark.Spread;
import app.rekindle.benchmark.Testbed;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reading one long journal's timeline through the query service's API, first page and a page 90% of the way
 * down, alternating, at a constant request rate. The journal's entries sit among other journals' in a big
 * {@code timeline_entry} table, written straight into the query service's schema. Baseline: the same SQL as
 * {@code TimelineQuery} over plain JDBC, at the same rate.
 */
public final class TimelineReads {

    private static final int PAGE = 20;
    private static final int CONNECTIONS = 4;
    private static final String FIELDS = "{\"mood\": 4, \"note\": \"Walked by the river after dinner and talked "
            + "about the summer\", \"connection\": 3, \"occurredAt\": \"2026-11-20T19:30:00Z\"}";
    // TimelineQuery's SQL, with the filters the API adds for a plain read (not retracted, keyset after a cursor).
    private static final String COLUMNS = """
            select entry_id, kind, step, occurred_at, recorded_at, fields::text as fields, revision, retracted,
                   retracted_at, retraction_reason
            from timeline_entry
            """;
    private static final String FIRST_PAGE =
            COLUMNS + " where journal_id = ? and not retracted order by occurred_at desc, entry_id desc limit ?";
    private static final String DEEP_PAGE = COLUMNS + " where journal_id = ? and not retracted"
            + " and (occurred_at, entry_id) < (?, ?) order by occurred_at desc, entry_id desc limit ?";

    private record Cursor(Instant occurredAt, UUID entryId) {
        String encode() {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString((occurredAt + "|" + entryId).getBytes(StandardCharsets.UTF_8));
        }
    }

    private final Testbed bed;

    public TimelineReads(Testbed bed) {
        this.bed = bed;
    }

    public void run(Report report) throws Exception {
        Report.Section section = report.section(
                "3. Timeline reads",
                "the same SQL as `TimelineQuery` over plain JDBC (" + CONNECTIONS + " connections), same rate");
        int entries = bed.mode().timelineEntries();
        int rows = bed.mode().timelineRows();
        UUID journal = bed.openJournal();
        Cursor deep;
        long loading = System.nanoTime();
        try (Connection views = bed.connect("views")) {
            awaitView(views, journal);
            load(views, journal, entries, rows);
            deep = cursorAt(views, journal, (int) (entries * 0.9));
        }
        double loadSeconds = (System.nanoTime() - loading) / 1e9;
        double rate = bed.mode().readsPerSecond();
        Duration phase = bed.mode().readPhase(2, rate);
        String path = "/journals/" + journal + "/timeline?limit=" + PAGE;
        String deepPath = path + "&cursor=" + deep.encode();

        List<Double> rawFirst = new ArrayList<>();
        List<Double> rawDeep = new ArrayList<>();
        List<Double> apiFirst = new ArrayList<>();
        List<Double> apiDeep = new ArrayList<>();
        long requestsPerRound = 0;
        BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(CONNECTIONS);
        for (int i = 0; i < CONNECTIONS; i++) {
            pool.add(bed.connect("views"));
        }
        try {
            // Unrecorded: enough back-to-back reads on both sides for the JIT to have compiled the hot paths,
            // so the rounds compare two warmed-up readers rather than the service's first minute of life.
            for (int i = 0; i < warmUpReads(); i++) {
                raw(pool, journal, deep, i % 2);
                api(i % 2 == 0 ? path : deepPath);
            }
            for (int round = 0; round < bed.mode().rounds(); round++) {
                Latencies[] baseline = raw(pool, journal, deep, rate, phase);
                Latencies[] rekindle = api(path, deepPath, rate, phase);
                requestsPerRound = Math.min(rekindle[0].count(), baseline[0].count());
                rawFirst.add(baseline[0].percentileMillis(99));
                rawDeep.add(baseline[1].percentileMillis(99));
                apiFirst.add(rekindle[0].percentileMillis(99));
                apiDeep.add(rekindle[1].percentileMillis(99));
                System.out.printf(
                        Locale.ROOT,
                        "  timeline, round %d: p99 first page raw %.1f ms / API %.1f ms, "
                                + "deep page raw %.1f ms / API %.1f ms%n",
                        round + 1,
                        rawFirst.getLast(),
                        apiFirst.getLast(),
                        rawDeep.getLast(),
                        apiDeep.getLast());
            }
        } finally {
            for (Connection connection : pool) {
                connection.close();
            }
        }
        Spread first = Spread.ofRatios(apiFirst, rawFirst);
        Spread deepRatio = Spread.ofRatios(apiDeep, rawDeep);
        Spread deepVsFirst = Spread.ofRatios(apiDeep, apiFirst);
        section.rows()
                .add(new Report.Row(
                        "first page, p99",
                        "ms",
                        Spread.of(apiFirst).median(),
                        Spread.of(rawFirst).median(),
                        first,
                        "≤ 3× raw",
                        first.median() <= 3));
        section.rows()
                .add(new Report.Row(
                        "page at 90% depth, p99",
                        "ms",
                        Spread.of(apiDeep).median(),
                        Spread.of(rawDeep).median(),
                        deepRatio,
                        "≤ 3× raw",
                        deepRatio.median() <= 3));
        section.rows()
                .add(new Report.Row(
                        "API deep page p99 / API first page p99",
                        "×",
                        null,
                        null,
                        deepVsFirst,
                        "≤ 2×",
                        deepVsFirst.median() <= 2));
        section.notes()
                .add(String.format(
                        Locale.ROOT,
                        "One journal of %,d entries in a table of %,d rows, pages of "
                                + "%d, %.0f requests/s alternating first and deep page for %d s a phase (each p99 over %,d "
                                + "requests per round); latency from due time, the API read over the JDK's blocking HTTP client "
                                + "(BlockingGet). Data set loaded in %.1f s; %,d unrecorded warm-up reads on each side first.",
                        entries,
                        rows,
                        PAGE,
                        rate,
                        phase.toSeconds(),
                        requestsPerRound,
                        loadSeconds,
                        warmUpReads()));
    }

    private static void awaitView(Connection views, UUID journal) throws Exception {
        try (PreparedStatement select = views.prepareStatement("select 1 from journal_view where journal_id = ?")) {
            select.setObject(1, journal);
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (true) {
                try (ResultSet rs = select.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The journal never reached the views");
                }
                Thread.sleep(20);
            }
        }
    }

    /**
     * The journal's entries a minute apart, and other journals' entries (1,000 each) filling the table up to
     * {@code rows}. Generated inside PostgreSQL: the quickest way to write a million rows.
     */
    private static void load(Connection views, UUID journal, int entries, int rows) throws Exception {
        try (PreparedStatement mine = views.prepareStatement("""
                insert into timeline_entry (entry_id, journal_id, kind, step, occurred_at, recorded_at, fields,
                                            revision, search_text)
                select gen_random_uuid(), ?, 'CHECK_IN', null, timestamptz '2020-01-01' + g * interval '1 minute',
                       now(), cast(? as jsonb), 1, 'walked by the river after dinner and talked about the summer'
                from generate_series(1, ?) g""");
                PreparedStatement others = views.prepareStatement("""
                insert into timeline_entry (entry_id, journal_id, kind, step, occurred_at, recorded_at, fields,
                                            revision, search_text)
                select gen_random_uuid(), cast(md5('bench-' || (g / 1000)) as uuid), 'CHECK_IN', null,
                       timestamptz '2020-01-01' + g * interval '1 minute', now(), cast(? as jsonb), 1,
                       'walked by the river after dinner and talked about the summer'
                from generate_series(1, ?) g""");
                Statement analyze = views.createStatement()) {
            mine.setObject(1, journal);
            mine.setString(2, FIELDS);
            mine.setInt(3, entries);
            mine.executeUpdate();
            others.setString(1, FIELDS);
            others.setInt(2, rows - entries);
            others.executeUpdate();
            analyze.execute("analyze timeline_entry");
        }
    }

    private static Cursor cursorAt(Connection views, UUID journal, int offset) throws Exception {
        try (PreparedStatement select = views.prepareStatement("""
                select occurred_at, entry_id from timeline_entry where journal_id = ?
                order by occurred_at desc, entry_id desc offset ? limit 1""")) {
            select.setObject(1, journal);
            select.setInt(2, offset);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return new Cursor(rs.getTimestamp(1).toInstant(), rs.getObject(2, UUID.class));
            }
        }
    }

    /** [first page, deep page] latencies through the API. */
    private Latencies[] api(String firstPath, String deepPath, double rate, Duration length) throws Exception {
        return api(List.of(firstPath, deepPath), rate, length);
    }

    /**
     * Latencies of {@code journal}'s first timeline page (the page size this section reads) through the API, at
     * {@code rate} for {@code length}, after {@code warmUp} unrecorded reads.
     */
    public Latencies firstPages(UUID journal, double rate, Duration length, int warmUp) throws Exception {
        String path = "/journals/" + journal + "/timeline?limit=" + PAGE;
        for (int i = 0; i < warmUp; i++) {
            api(path);
        }
        return api(List.of(path), rate, length)[0];
    }

    /**
     * PostgreSQL's own part of a first page: the page's SQL run {@code times} times under {@code EXPLAIN (ANALYZE,
     * BUFFERS)} on one connection, with the median execution time and the last run's buffer line (pages found in
     * PostgreSQL's cache, and read from the kernel's). Tells a slower read at a larger store apart from a slower
     * query service.
     */
    public FirstPagePlan explainFirstPage(UUID journal, int times) throws SQLException {
        List<Double> executions = new ArrayList<>();
        String buffers = "";
        try (Connection views = bed.connect("views");
                PreparedStatement explain =
                        views.prepareStatement("explain (analyze, buffers, format json) " + FIRST_PAGE)) {
            explain.setObject(1, journal);
            explain.setInt(2, PAGE);
            for (int i = 0; i < times; i++) {
                try (ResultSet plan = explain.executeQuery()) {
                    plan.next();
                    JsonNode top = Testbed.parse(plan.getString(1)).get(0);
                    executions.add(top.get("Execution Time").asDouble());
                    JsonNode node = top.get("Plan");
                    buffers = String.format(
                            Locale.ROOT,
                            "shared hit %d, read %d",
                            node.get("Shared Hit Blocks").asLong(),
                            node.get("Shared Read Blocks").asLong());
                }
            }
        }
        return new FirstPagePlan(Spread.of(executions).median(), buffers);
    }

    /** {@link #explainFirstPage}'s answer: PostgreSQL's median execution time (ms) and the buffers of a page. */
    public record FirstPagePlan(double executionMillis, String buffers) {}

    /** Latencies of each path, the paths taken in turn at {@code rate}. */
    private Latencies[] api(List<String> paths, double rate, Duration length) throws Exception {
        Latencies[] latencies = new Latencies[paths.size()];
        for (int kind = 0; kind < latencies.length; kind++) {
            latencies[kind] = new Latencies();
        }
        OpenLoop.run(rate, length, (i, due) -> {
            int kind = (int) (i % paths.size());
            api(paths.get(kind));
            latencies[kind].recordSince(due);
        });
        return latencies;
    }

    private void api(String path) {
        BlockingGet.Answer answer = BlockingGet.get(bed.queryUrl().resolve(path), bed.token());
        if (answer.status() != 200) {
            throw new IllegalStateException("Timeline answered " + answer.status() + ": " + answer.body());
        }
    }

    /** Reads of each side before the first round: a few seconds' worth in quick mode, more in full. */
    private int warmUpReads() {
        return (int)
                Math.min(5_000, bed.mode().readsPerSecond() * bed.mode().phase().toSeconds() * 10);
    }

    private static Latencies[] raw(
            BlockingQueue<Connection> pool, UUID journal, Cursor deep, double rate, Duration length) throws Exception {
        Latencies[] latencies = {new Latencies(), new Latencies()};
        OpenLoop.run(rate, length, (i, due) -> {
            int kind = (int) (i % 2);
            raw(pool, journal, deep, kind);
            latencies[kind].recordSince(due);
        });
        return latencies;
    }

    /** One page over plain JDBC: the first ({@code kind} 0) or the deep one. */
    private static void raw(BlockingQueue<Connection> pool, UUID journal, Cursor deep, int kind) throws Exception {
        Connection connection = pool.take();
        try (PreparedStatement select = connection.prepareStatement(kind == 0 ? FIRST_PAGE : DEEP_PAGE)) {
            select.setObject(1, journal);
            if (kind == 0) {
                select.setInt(2, PAGE + 1);
            } else {
                select.setTimestamp(2, Timestamp.from(deep.occurredAt()));
                select.setObject(3, deep.entryId());
                select.setInt(4, PAGE + 1);
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rs.getObject(1);
                    rs.getString(6);
                }
            }
        } finally {
            pool.add(connection);
        }
    }
}
