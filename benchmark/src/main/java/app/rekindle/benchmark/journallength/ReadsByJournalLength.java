package app.rekindle.benchmark.journallength;

import app.rekindle.benchmark.Latencies;
import app.rekindle.benchmark.Report;
import app.rekindle.benchmark.Spread;
import app.rekindle.benchmark.Testbed;
import app.rekindle.benchmark.replay.LongJournal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Do the reads that fold a journal grow with it? The same reads of a short and a long journal (1,000 and 20,000
 * entries; a tenth of that and less in tiny mode) through the query service's API, one request after another,
 * the two journals' alternating, p50 per round. Both journals span the same two years up to yesterday, so on-this-day finds entries of last year
 * and the as-of instant (the middle of the journal's life) lies as deep in either. The yardstick is the
 * timeline's first page of the same journal, which reads one index range whatever the length.
 */
public final class ReadsByJournalLength {

    private static final Duration SPAN = Duration.ofDays(730);
    private static final String TIMELINE_FIRST_PAGE = "timeline first page";
    private static final int WARM_UP_REQUESTS = 5;

    private final Testbed bed;

    public ReadsByJournalLength(Testbed bed) {
        this.bed = bed;
    }

    public void run(Report report) throws Exception {
        Report.Section section = report.section(
                "8. Reads by journal length",
                "the same read of a journal of " + String.format(Locale.ROOT, "%,d", shortLength()) + " entries "
                        + "(ratio long / short), and the long journal's timeline first page (ratio read / page)");
        int requests = requestsPerRound();
        long loading = System.nanoTime();
        Instant opened = Instant.now().minus(SPAN).minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        LongJournal shorter = LongJournal.importInto(bed, shortLength(), opened, SPAN.dividedBy(shortLength()));
        LongJournal longer = LongJournal.importInto(bed, longLength(), opened, SPAN.dividedBy(longLength()));
        shorter.awaitApplied(bed);
        longer.awaitApplied(bed);
        double loadSeconds = (System.nanoTime() - loading) / 1e9;
        Map<String, Function<LongJournal, String>> reads = reads();
        // Unrecorded: a few of each, so the first measured round does not pay for the JIT.
        measure(shorter, longer, reads, WARM_UP_REQUESTS);
        Map<String, List<Double>> shortP50 = new LinkedHashMap<>();
        Map<String, List<Double>> longP50 = new LinkedHashMap<>();
        for (int round = 0; round < bed.mode().rounds(); round++) {
            List<Map<String, Double>> both = measure(shorter, longer, reads, requests);
            Map<String, Double> s = both.get(0);
            Map<String, Double> l = both.get(1);
            s.forEach((read, p50) ->
                    shortP50.computeIfAbsent(read, k -> new ArrayList<>()).add(p50));
            l.forEach((read, p50) ->
                    longP50.computeIfAbsent(read, k -> new ArrayList<>()).add(p50));
            System.out.printf(
                    Locale.ROOT,
                    "  reads by length, round %d: p50 short / long (ms) %s%n",
                    round + 1,
                    String.join(
                            ", ",
                            reads.keySet().stream()
                                    .map(read -> String.format(
                                            Locale.ROOT, "%s %.1f / %.1f", read, s.get(read), l.get(read)))
                                    .toList()));
        }
        List<Double> page = longP50.get(TIMELINE_FIRST_PAGE);
        for (String read : reads.keySet()) {
            Spread growth = Spread.ofRatios(longP50.get(read), shortP50.get(read));
            // The first page is the yardstick, not a read the issue holds to a target.
            boolean judged = !read.equals(TIMELINE_FIRST_PAGE);
            section.rows()
                    .add(new Report.Row(
                            read + ", p50, " + String.format(Locale.ROOT, "%,d", longLength()) + " against "
                                    + String.format(Locale.ROOT, "%,d", shortLength()) + " entries",
                            "ms",
                            Spread.of(longP50.get(read)).median(),
                            Spread.of(shortP50.get(read)).median(),
                            growth,
                            judged ? "≤ 2×" : null,
                            judged ? growth.median() <= 2 : null));
            if (judged) {
                Spread againstPage = Spread.ofRatios(longP50.get(read), page);
                section.rows()
                        .add(new Report.Row(
                                read + ", p50 against the timeline first page, "
                                        + String.format(Locale.ROOT, "%,d", longLength()) + " entries",
                                "ms",
                                Spread.of(longP50.get(read)).median(),
                                Spread.of(page).median(),
                                againstPage,
                                "≤ 5×",
                                againstPage.median() <= 5));
            }
        }
        section.notes()
                .add(String.format(
                        Locale.ROOT,
                        "Journals of %,d and %,d entries over the same %d days up to "
                                + "yesterday (every tenth a reflection, the rest check-ins with a note), imported through POST "
                                + "/journals/import and published and projected like any other; loaded and applied in %.1f s. "
                                + "%d requests per read, journal and round, one at a time, the two journals' alternating; "
                                + "asOf = the middle of the journal's life.",
                        shortLength(),
                        longLength(),
                        SPAN.toDays(),
                        loadSeconds,
                        requests));
    }

    /** The reads, by name: each a path of the given journal. */
    private static Map<String, Function<LongJournal, String>> reads() {
        Map<String, Function<LongJournal, String>> reads = new LinkedHashMap<>();
        reads.put("analytics", j -> base(j) + "/analytics");
        reads.put("nudges", j -> base(j) + "/nudges");
        // Its first page, as a client reads it (20 entries, like the timeline's first page).
        reads.put("on-this-day", j -> base(j) + "/on-this-day?limit=20");
        reads.put("progress?asOf", j -> base(j) + "/progress?asOf=" + j.at(0.5));
        reads.put("timeline?asOf", j -> base(j) + "/timeline?limit=20&asOf=" + j.at(0.5));
        reads.put(TIMELINE_FIRST_PAGE, j -> base(j) + "/timeline?limit=20");
        return reads;
    }

    private static String base(LongJournal journal) {
        return "/journals/" + journal.journalId();
    }

    /**
     * One round: {@code requests} of each read of each journal, the two journals' requests alternating, so a
     * disturbance of the machine (autovacuum, a projection catching up) falls on both alike; the p50 of each read,
     * in ms, for the shorter journal and the longer.
     */
    private List<Map<String, Double>> measure(
            LongJournal shorter, LongJournal longer, Map<String, Function<LongJournal, String>> reads, int requests) {
        Map<String, Double> shortP50 = new LinkedHashMap<>();
        Map<String, Double> longP50 = new LinkedHashMap<>();
        reads.forEach((read, path) -> {
            Latencies shortLatencies = new Latencies();
            Latencies longLatencies = new Latencies();
            String shortUri = path.apply(shorter);
            String longUri = path.apply(longer);
            for (int i = 0; i < requests; i++) {
                timeRead(shortUri, shortLatencies);
                timeRead(longUri, longLatencies);
            }
            shortP50.put(read, shortLatencies.percentileMillis(50));
            longP50.put(read, longLatencies.percentileMillis(50));
        });
        return List.of(shortP50, longP50);
    }

    private void timeRead(String uri, Latencies latencies) {
        long started = System.nanoTime();
        HttpResponse<String> answer = bed.send(bed.query(uri).GET().build());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET " + uri + " answered " + answer.statusCode() + ": " + answer.body());
        }
        latencies.recordSince(started);
    }

    /** The 20,000 entries; tiny mode (a smoke test of the harness) twice its timeline journal. */
    private int longLength() {
        return Math.min(20_000, 2 * bed.mode().timelineEntries());
    }

    private int shortLength() {
        return longLength() / 20;
    }

    /**
     * No read folds the journal any more (each is 5 to 15 ms), so a round's p50 rests on 100 requests in full mode,
     * not 15: session 9's on-this-day figure moved 1.8 to 5.6x between rounds on 15. Full mode spends about a
     * minute and a half measuring here (100 × 6 reads × 2 journals × 5 rounds).
     */
    private int requestsPerRound() {
        return bed.mode().rounds() >= 5 ? 100 : bed.mode().timelineEntries() >= 10_000 ? 20 : 3;
    }
}
