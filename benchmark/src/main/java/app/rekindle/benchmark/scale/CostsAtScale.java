package app.rekindle.benchmark.scale;

import app.rekindle.benchmark.JournalKeyRows;
import app.rekindle.benchmark.Latencies;
import app.rekindle.benchmark.Mode;
import app.rekindle.benchmark.Report;
import app.rekindle.benchmark.ServiceRecording;
import app.rekindle.benchmark.Spread;
import app.rekindle.benchmark.Testbed;
import app.rekindle.benchmark.commands.CheckInLoad;
import app.rekindle.benchmark.commands.CpuPerCommand;
import app.rekindle.benchmark.commands.EventRowTable;
import app.rekindle.benchmark.lag.EndToEndLag;
import app.rekindle.benchmark.timeline.TimelineReads;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/**
 * How the per-event costs grow with the event store (issue #17, point 5): the event store is filled to
 * {@link Mode#scaleSmall} events over {@link Mode#scaleJournals} journals, the command, lag, timeline and
 * projection figures are taken, then it is filled to {@link Mode#scaleLarge} and they are taken again. Each row
 * is a cost per event (time per check-in, CPU per check-in, latency, time per projected event) at the large size
 * against the small one.
 * <p>
 * The journals' keys go into {@code journal_key} once ({@link JournalKeyRows}); each fill is {@link ScaleFill}'s.
 */
public final class CostsAtScale {

    /**
     * Rounds of commands at each size, however few the other measurements get: a command round takes one phase, and
     * the 1.25× of the full run of 2026-12-05 rested on two rounds per size whose CPU spread 0.89–1.14 ms.
     */
    private static final int COMMAND_ROUNDS = 4;
    /** Runs of the timeline's SQL under EXPLAIN ANALYZE after the timeline rounds, at each size. */
    private static final int PLAN_RUNS = 50;

    /**
     * Longest command warm-up at each size. By this section the command service has run under load for most of the
     * run; the warm-up is for the new store size and the new journals, and the rule ({@code Plateau.RATE}) ends it
     * after six phases at the earliest (48 s in full mode). The limit keeps a machine whose rate drifts from
     * spending the mode's four minutes twice.
     */
    private static final Duration WARM_UP_LIMIT = Duration.ofSeconds(90);

    private static final String CHECK_IN = "{\"mood\":4,\"connection\":3,\"note\":\"Walked by the river after dinner "
            + "and talked about the summer\"}";
    private final Testbed bed;
    private final EndToEndLag lag;
    private final TimelineReads timeline;

    public CostsAtScale(Testbed bed) {
        this.bed = bed;
        this.lag = new EndToEndLag(bed);
        this.timeline = new TimelineReads(bed);
    }

    /** What one size cost: the figures of each round, and how long filling and measuring took. */
    private record Size(
            ScaleFill.Filled fill,
            List<Double> commandRates,
            List<Double> cpuMillis,
            List<Double> postgresCpuMillis,
            List<Double> walBytes,
            List<Double> fullPageImages,
            long checkpoints,
            double lagRate,
            EndToEndLag.Percentiles lag,
            List<Double> timelineP50,
            List<Double> timelineP99,
            TimelineReads.FirstPagePlan timelinePlan,
            double measureSeconds) {}

    public void run(Report report) throws Exception {
        Mode mode = bed.mode();
        Report.Section section = report.section(
                "9. Costs at scale",
                String.format(
                        Locale.ROOT,
                        "the same figure with the event store at %,d events; the Rekindle column is at %,d events "
                                + "(%,d journals)",
                        mode.scaleSmall(),
                        mode.scaleLarge(),
                        mode.scaleJournals()));
        ScaleJournals journals = new ScaleJournals(mode.scaleJournals());
        EventRowTable.Template opened;
        EventRowTable.Template checkedIn;
        // One journal opened and checked into through the API: the rows the fill copies its constant columns from.
        String seed = "/journals/" + bed.openJournal() + "/check-ins";
        bed.postJson(seed, CHECK_IN);
        try (Connection events = bed.connect("events")) {
            opened = EventRowTable.template(events, "JournalOpened");
            checkedIn = EventRowTable.template(events, "CheckedIn");
        }
        long keys = System.nanoTime();
        JournalKeyRows.insert(bed, journals.keys());
        ViewClone clone = new ViewClone(bed, journals);
        clone.register();
        double keySeconds = (System.nanoTime() - keys) / 1e9;

        long lowest;
        try (Connection events = bed.connect("events")) {
            lowest = EventStoreCopy.lowestIndex(events);
        }
        long room = mode.scaleLarge();
        ScaleFill filler = new ScaleFill(bed, lag, journals, clone, opened, checkedIn);
        ScaleFill.Filled smallFill =
                filler.to(mode.scaleSmall(), Integer.MAX_VALUE, Long.MAX_VALUE, lowest - room, Long.MAX_VALUE);
        // Unrecorded, before the first size only: on two cores the services keep getting faster for minutes as the
        // JIT compiles, and a first size measured on colder services than the second flatters the ratio. Its
        // commands need no warm-up of their own: the recorded measurement right after it warms up again.
        measure(journals, smallFill, Double.NaN, 1, false);
        Size small = measure(journals, smallFill, Double.NaN, mode.scaleRounds(), true);
        ScaleFill.Filled largeFill =
                filler.to(mode.scaleLarge(), smallFill.perLiveJournal(), smallFill.measuredEvents(), lowest, room);
        Size large = measure(journals, largeFill, small.lagRate(), mode.scaleRounds(), true);

        DoubleUnaryOperator perCommand = rate -> 1_000 / rate;
        row(
                section,
                "time per check-in, 4 clients (1 / commands/s)",
                "ms",
                map(small.commandRates(), perCommand),
                map(large.commandRates(), perCommand));
        row(section, "command-service CPU per check-in, 4 clients", "ms", small.cpuMillis(), large.cpuMillis());
        shareRow(
                section,
                "PostgreSQL CPU per check-in, 4 clients (where the time goes; no target)",
                "ms",
                small.postgresCpuMillis(),
                large.postgresCpuMillis());
        shareRow(
                section,
                "write-ahead log per check-in, 4 clients (where the time goes; no target)",
                "bytes",
                small.walBytes(),
                large.walBytes());
        shareRow(
                section,
                "full-page images per check-in, 4 clients (where the time goes; no target)",
                "pages",
                small.fullPageImages(),
                large.fullPageImages());
        row(
                section,
                "check-in due → visible in the view, p50",
                "ms",
                small.lag().p50(),
                large.lag().p50());
        row(
                section,
                "check-in due → visible in the view, p99",
                "ms",
                small.lag().p99(),
                large.lag().p99());
        for (int stage = 0; stage < small.lag().stageP50().size(); stage++) {
            shareRow(
                    section,
                    "lag stage " + (stage + 1) + ", " + EndToEndLag.Percentiles.stageName(stage)
                            + ", p50 over the rounds (where the time goes; no target)",
                    "ms",
                    List.of(small.lag().stageP50().get(stage)),
                    List.of(large.lag().stageP50().get(stage)));
        }
        row(
                section,
                "timeline first page of a 1,000-entry journal, p50",
                "ms",
                small.timelineP50(),
                large.timelineP50());
        row(
                section,
                "timeline first page of a 1,000-entry journal, p99",
                "ms",
                small.timelineP99(),
                large.timelineP99());
        shareRow(
                section,
                "timeline first page: PostgreSQL's execution of its SQL, median of " + PLAN_RUNS
                        + " EXPLAIN ANALYZE (where the time goes; no target)",
                "ms",
                List.of(small.timelinePlan().executionMillis()),
                List.of(large.timelinePlan().executionMillis()));
        row(
                section,
                "projection by the live query service, time per event of the fill's live part (as many events at both sizes)",
                "µs",
                List.of(1e6 / small.fill().projectionRate()),
                List.of(1e6 / large.fill().projectionRate()));
        notes(section, mode, journals.firstCloned() - ScaleJournals.WITNESS - 1, keySeconds, small, large);
    }

    private Size measure(
            ScaleJournals journals, ScaleFill.Filled fill, double fixedLagRate, int rounds, boolean recorded)
            throws Exception {
        long storeEvents = fill.storeEvents();
        long measuring = System.nanoTime();
        int clients = CheckInLoad.maxClients();
        String size = String.format(Locale.ROOT, "%,d events", storeEvents);
        CheckInLoad load = new CheckInLoad(bed, bed.commandUrl(), clients);
        if (recorded) {
            Duration limit = bed.mode().warmUpLimit();
            load.warmUp("Rekindle at " + size, clients, limit.compareTo(WARM_UP_LIMIT) < 0 ? limit : WARM_UP_LIMIT);
        }
        ProcessHandle commandService = bed.service("command-service.jar").orElse(null);
        PostgresCpu postgres = PostgresCpu.of(bed.stack().postgresDir());
        List<Double> rates = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        List<Double> postgresCpu = new ArrayList<>();
        List<Double> walBytes = new ArrayList<>();
        List<Double> fullPageImages = new ArrayList<>();
        long[] checkpoints = {0};
        // The unrecorded round is not profiled (it runs on a service still being compiled), and it takes one round
        // of each measurement. Recorded ones take at least COMMAND_ROUNDS rounds: two lag rounds per size gave a
        // p50 ratio of 1.39x in the full run after session 14, of a figure whose rounds range 8.8-16.4x in one
        // section.
        int measuredRounds = recorded ? Math.max(rounds, COMMAND_ROUNDS) : rounds;
        ServiceRecording.during(
                bed, recorded ? commandService : null, "scale-" + storeEvents + "-command-service", () -> {
                    for (int round = 0; round < measuredRounds; round++) {
                        Duration postgresBefore = postgres.total();
                        WalActivity walBefore = WalActivity.now(bed);
                        long started = System.nanoTime();
                        CpuPerCommand phase = CpuPerCommand.measure(commandService, () -> load.run(clients));
                        double commands = phase.rate() * (System.nanoTime() - started) / 1e9;
                        WalActivity wal = WalActivity.now(bed).since(walBefore);
                        rates.add(phase.rate());
                        cpu.add(phase.cpuMillis());
                        postgresCpu.add(postgres.total().minus(postgresBefore).toNanos() / 1e6 / commands);
                        walBytes.add(wal.bytes() / commands);
                        fullPageImages.add(wal.fullPageImages() / commands);
                        checkpoints[0] += wal.checkpoints();
                    }
                });
        // The same rate at both sizes: half of what the command service answered at the small one.
        double lagRate =
                Double.isNaN(fixedLagRate) ? Math.max(2, Spread.of(rates).median() / 2) : fixedLagRate;
        List<EndToEndLag.Percentiles> lagged = new ArrayList<>();
        ServiceRecording.during(bed, recordings(recorded, storeEvents, "lag"), () -> {
            lagged.add(lag.rekindleOnly(lagRate, measuredRounds));
        });

        double readRate = bed.mode().readsPerSecond();
        Duration readPhase = bed.mode().readPhase(1, readRate);
        int warmUpReads = (int) Math.min(2_000, readRate * readPhase.toSeconds());
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        ServiceRecording.during(bed, recordings(recorded, storeEvents, "timeline"), () -> {
            for (int round = 0; round < measuredRounds; round++) {
                Latencies pages = timeline.firstPages(
                        journals.timelineJournal(), readRate, readPhase, round == 0 ? warmUpReads : 0);
                p50.add(pages.percentileMillis(50));
                p99.add(pages.percentileMillis(99));
            }
        });
        TimelineReads.FirstPagePlan plan = timeline.explainFirstPage(journals.timelineJournal(), PLAN_RUNS);
        Size measured = new Size(
                fill,
                rates,
                cpu,
                postgresCpu,
                walBytes,
                fullPageImages,
                checkpoints[0],
                lagRate,
                lagged.getFirst(),
                p50,
                p99,
                plan,
                (System.nanoTime() - measuring) / 1e9);
        System.out.printf(
                Locale.ROOT,
                "  scale at %s: %s check-ins/s (%s ms CPU each, PostgreSQL %s ms, WAL %s bytes and %s full pages each, "
                        + "%d checkpoint(s) begun), lag at %.0f/s p50 %s p99 %s ms "
                        + "(stages' p50 %s ms), timeline p50 %s p99 %s ms (PostgreSQL %.3f ms, %s) (%.0f s measuring)%n",
                size,
                rates,
                cpu,
                postgresCpu,
                walBytes,
                fullPageImages,
                checkpoints[0],
                lagRate,
                measured.lag().p50(),
                measured.lag().p99(),
                measured.lag().stageP50(),
                p50,
                p99,
                plan.executionMillis(),
                plan.buffers(),
                measured.measureSeconds());
        return measured;
    }

    /**
     * The command and query services, recorded over one measurement's rounds at one size if profiling was asked for
     * ({@link ServiceRecording}); none for the unrecorded round.
     */
    private List<ServiceRecording.Service> recordings(boolean recorded, long storeEvents, String measurement) {
        if (!recorded) {
            return List.of();
        }
        List<ServiceRecording.Service> services = new ArrayList<>();
        for (String service : List.of("command-service", "query-service")) {
            bed.service(service + ".jar")
                    .ifPresent(process -> services.add(new ServiceRecording.Service(
                            process, "scale-" + storeEvents + "-" + measurement + "-" + service)));
        }
        return services;
    }

    /**
     * A cost at the large size against the small one. The sizes are minutes apart, not round by round, so the
     * ratio is of the medians, and its range pairs the extremes (best large over worst small, and the reverse).
     */
    private static void row(
            Report.Section section, String measure, String unit, List<Double> small, List<Double> large) {
        Spread ratio = largeOverSmall(small, large);
        section.rows()
                .add(new Report.Row(
                        measure,
                        unit,
                        Spread.of(large).median(),
                        Spread.of(small).median(),
                        ratio,
                        "≤ 1.2×",
                        ratio.median() <= 1.2));
    }

    /** A cost reported beside the judged ones, to explain them: the same ratio, no target. */
    private static void shareRow(
            Report.Section section, String measure, String unit, List<Double> small, List<Double> large) {
        section.rows()
                .add(new Report.Row(
                        measure,
                        unit,
                        Spread.of(large).median(),
                        Spread.of(small).median(),
                        largeOverSmall(small, large),
                        null,
                        null));
    }

    private static Spread largeOverSmall(List<Double> small, List<Double> large) {
        Spread s = Spread.of(small);
        Spread l = Spread.of(large);
        return new Spread(
                l.median() / s.median(), l.min() / s.max(), l.max() / s.min(), Math.min(s.rounds(), l.rounds()));
    }

    private static List<Double> map(List<Double> values, DoubleUnaryOperator f) {
        return values.stream().map(f::applyAsDouble).toList();
    }

    private void notes(Report.Section section, Mode mode, int liveJournals, double keySeconds, Size small, Size large) {
        section.notes()
                .add(String.format(
                        Locale.ROOT,
                        "Store sizes measured: %,d and %,d events (filled up to the mode's %,d and %,d over what "
                                + "the run had stored), %,d preloaded journals, each opened by the benchmark's person "
                                + "then check-ins with a sealed note, one journal holding %,d check-ins (the timeline "
                                + "read), %,d of them in each fill's live part. Data keys wrapped and stored in %.1f s.",
                        small.fill().storeEvents(),
                        large.fill().storeEvents(),
                        mode.scaleSmall(),
                        mode.scaleLarge(),
                        mode.scaleJournals(),
                        ScaleJournals.TIMELINE_ENTRIES,
                        liveJournals,
                        keySeconds));
        section.notes()
                .add("The fill writes each event once, sealed by journal-events' own `SealedEvents` under its "
                        + "journal's key, into `events.domain_event_entry` by binary COPY (constant columns from rows "
                        + "the command service stored) with global indexes below every stored one (history, which "
                        + "the publisher, reading past its position, never sends). Every journal but the timeline "
                        + "journal gets the same check-ins at the same moments, so their views differ only in their "
                        + "ids, which all start with the journal's own prefix; at the large size the live journals "
                        + "get only as many as at the small one, and the cloned journals the rest, so that the query "
                        + "service projects the same live part at both sizes. The query service projects a part of "
                        + "each fill from the journal topic (`CloudEventsKafka` records by a plain producer, as the "
                        + "publisher's): the timeline journal, one witness journal, then, once the views hold the "
                        + "rest and the tables are analyzed, the live part, sent as live traffic arrives (every "
                        + "live journal's next event, then the one after), so that a poll holds one event of many "
                        + "journals at both sizes. The rest of the views are the witness's rows, cloned in PostgreSQL "
                        + "with the prefix replaced, in every table of schema `views` with a `journal_id` column "
                        + "(a later fill clones what the witness's rows gained or changed): the query service's "
                        + "projection stays the one definition of what an event writes, and it never sees the "
                        + "cloned journals' events (a rebuild from the topic would not restore them; none runs after "
                        + "this section). After each fill the section checks that exactly the records it sent "
                        + "reached the topic and that every journal's position and version in the views is where "
                        + "its events end.");
        for (Size size : List.of(small, large)) {
            ScaleFill.Filled fill = size.fill();
            section.notes()
                    .add(String.format(
                            Locale.ROOT,
                            "At %,d events: %,d added in %.0f s (generate, seal, COPY; the witness projected after "
                                    + "%.0f s; %,d view rows cloned meanwhile), the live part's %,d events (%d per "
                                    + "live journal) "
                                    + "projected %.0f s later, %,d of them after the first wave (one event of each "
                                    + "live journal) at %.0f events/s (the projection row), after the event "
                                    + "store's and the views' tables were vacuumed and analyzed in %.0f s (what "
                                    + "autovacuum would have done while a store that size grew); measuring took %.0f s "
                                    + "(%d rounds of each measurement; the first size's unrecorded round not "
                                    + "counted). The timeline's SQL at this size, run by PostgreSQL alone: %.3f ms "
                                    + "(median of %d), %s buffers per page. Checkpoints begun during its command "
                                    + "rounds: %d.",
                            size.fill().storeEvents(),
                            fill.added(),
                            fill.seconds(),
                            fill.witnessSeconds(),
                            fill.clonedRows(),
                            fill.liveEvents(),
                            fill.perLiveJournal(),
                            fill.catchUpSeconds(),
                            fill.measuredEvents(),
                            fill.projectionRate(),
                            fill.vacuumSeconds(),
                            size.measureSeconds(),
                            Math.max(mode.scaleRounds(), COMMAND_ROUNDS),
                            size.timelinePlan().executionMillis(),
                            PLAN_RUNS,
                            size.timelinePlan().buffers(),
                            size.checkpoints()));
        }
        section.notes()
                .add(String.format(
                        Locale.ROOT,
                        "Commands: closed loop of %d clients on journals opened for each size (warmed up until the "
                                + "command service's rate stops rising, as in section 1, for at most %d s). Before the first size, one "
                                + "unrecorded round of every measurement (its commands without a warm-up of their own). Lag: open loop at %.1f check-ins/s at both sizes (half the small size's "
                                + "command rate), after the query service caught up. PostgreSQL's CPU per check-in "
                                + "(its postmaster and backends over the command rounds, the query service's "
                                + "projection included) shows where a command's growing cost goes. Timeline: first pages at %d "
                                + "requests/s. Each ratio is large over small of the medians; (min–max) pairs the "
                                + "extremes, the sizes being minutes apart rather than round by round.",
                        CheckInLoad.maxClients(),
                        Math.min(mode.warmUpLimit().toSeconds(), WARM_UP_LIMIT.toSeconds()),
                        small.lagRate(),
                        mode.readsPerSecond()));
    }
}
