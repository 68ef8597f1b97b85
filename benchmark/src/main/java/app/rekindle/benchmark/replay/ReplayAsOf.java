package app.rekindle.benchmark.replay;

import app.rekindle.benchmark.Latencies;
import app.rekindle.benchmark.Report;
import app.rekindle.benchmark.Spread;
import app.rekindle.benchmark.Testbed;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;

/**
 * {@code progress?asOf=} and {@code timeline?asOf=} of one long journal through the query service's API, one
 * request after another, each at an instant drawn uniformly from the journal's history (so each replays a
 * different share of it). Baseline, for scale: what any as-of answer has to read, the journal's event log up
 * to that instant over plain JDBC, without folding it and without HTTP. The issue asks for p50 and p99 only.
 */
public final class ReplayAsOf {

    /** The size; tiny mode (a smoke test of the harness) uses its smaller timeline journal. */
    private static final int ENTRIES = 10_000;

    private static final int REQUESTS_PER_ROUND = 30;
    private static final String EVENT_LOG = """
            select payload::text from journal_event where journal_id = ? and sequence <= (
                select max(sequence) from journal_event where journal_id = ? and recorded_at <= ?)
            order by sequence""";

    private final Testbed bed;
    private final Random random = new Random(6);

    public ReplayAsOf(Testbed bed) {
        this.bed = bed;
    }

    public void run(Report report) throws Exception {
        Report.Section section = report.section(
                "6. Replay as-of",
                "plain JDBC reading the journal's event log (`views.journal_event`) up to the instant, no fold, "
                        + "no HTTP; one request at a time");
        int entries = Math.min(ENTRIES, bed.mode().timelineEntries());
        LongJournal journal = LongJournal.importInto(bed, entries);
        String live = "/journals/" + journal.journalId() + "/progress";
        journal.awaitApplied(bed);
        Function<Instant, String> progress = at -> live + "?asOf=" + at;
        Function<Instant, String> timeline = at -> "/journals/" + journal.journalId() + "/timeline?limit=20&asOf=" + at;
        try (Connection views = bed.connect("views");
                PreparedStatement log = views.prepareStatement(EVENT_LOG)) {
            measureAll(journal, log, progress, timeline);
            List<List<Double>> p = new ArrayList<>(List.of(
                    new ArrayList<>(),
                    new ArrayList<>(),
                    new ArrayList<>(),
                    new ArrayList<>(),
                    new ArrayList<>(),
                    new ArrayList<>()));
            for (int round = 0; round < bed.mode().rounds(); round++) {
                Latencies[] measured = measureAll(journal, log, progress, timeline);
                for (int i = 0; i < 3; i++) {
                    p.get(2 * i).add(measured[i].percentileMillis(50));
                    p.get(2 * i + 1).add(measured[i].percentileMillis(99));
                }
                System.out.printf(
                        Locale.ROOT,
                        "  replay as-of, round %d: p50 raw %.1f ms, progress %.1f ms, " + "timeline %.1f ms%n",
                        round + 1,
                        p.get(0).getLast(),
                        p.get(2).getLast(),
                        p.get(4).getLast());
            }
            // A p99 of 30 requests is their slowest one: below the mode's floor of requests it is not reported.
            boolean tail = REQUESTS_PER_ROUND >= bed.mode().tailRequests();
            row(section, "progress?asOf, p50", p.get(2), p.get(0));
            if (tail) {
                row(section, "progress?asOf, p99", p.get(3), p.get(1));
            }
            row(section, "timeline?asOf (first 20), p50", p.get(4), p.get(0));
            if (tail) {
                row(section, "timeline?asOf (first 20), p99", p.get(5), p.get(1));
            } else {
                section.notes()
                        .add(String.format(
                                Locale.ROOT,
                                "No p99: %d requests per round are fewer than the "
                                        + "%,d this mode holds a p99 to; section 8 measures these reads by journal length.",
                                REQUESTS_PER_ROUND,
                                bed.mode().tailRequests()));
            }
        }
        section.notes()
                .add(String.format(
                        Locale.ROOT,
                        "Journal of %,d entries (%,d events, imported through "
                                + "POST /journals/import and published like any other); %d requests per round and kind, instants "
                                + "uniform over its history, so a request replays half the journal on average.",
                        entries,
                        journal.version() + 1,
                        REQUESTS_PER_ROUND));
    }

    /** One round: raw reads, then progress, then timeline, each at the same instants. */
    private Latencies[] measureAll(
            LongJournal journal,
            PreparedStatement log,
            Function<Instant, String> progress,
            Function<Instant, String> timeline)
            throws SQLException {
        List<Instant> instants = new ArrayList<>();
        for (int i = 0; i < REQUESTS_PER_ROUND; i++) {
            instants.add(journal.at(random.nextDouble()));
        }
        Latencies raw = new Latencies();
        for (Instant at : instants) {
            long started = System.nanoTime();
            read(log, journal, at);
            raw.recordSince(started);
        }
        return new Latencies[] {raw, api(instants, progress), api(instants, timeline)};
    }

    private static void read(PreparedStatement log, LongJournal journal, Instant at) throws SQLException {
        log.setObject(1, journal.journalId());
        log.setObject(2, journal.journalId());
        log.setTimestamp(3, Timestamp.from(at));
        try (ResultSet rs = log.executeQuery()) {
            while (rs.next()) {
                rs.getString(1);
            }
        }
    }

    private Latencies api(List<Instant> instants, Function<Instant, String> path) {
        Latencies latencies = new Latencies();
        for (Instant at : instants) {
            long started = System.nanoTime();
            HttpResponse<String> answer =
                    bed.send(bed.query(path.apply(at)).GET().build());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("GET " + path.apply(at) + " answered " + answer.statusCode());
            }
            latencies.recordSince(started);
        }
        return latencies;
    }

    private static void row(Report.Section section, String measure, List<Double> api, List<Double> raw) {
        section.rows()
                .add(new Report.Row(
                        measure,
                        "ms",
                        Spread.of(api).median(),
                        Spread.of(raw).median(),
                        Spread.ofRatios(api, raw),
                        null,
                        null));
    }
}
