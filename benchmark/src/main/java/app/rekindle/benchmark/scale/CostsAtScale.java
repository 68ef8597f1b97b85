package app.rekindle.benchmark.scale;

import app.rekindle.benchmark.Latencies;
import app.rekindle.benchmark.Mode;
import app.rekindle.benchmark.Report;
import app.rekindle.benchmark.Spread;
import app.rekindle.benchmark.Testbed;
import app.rekindle.benchmark.Topics;
import app.rekindle.benchmark.commands.CheckInLoad;
import app.rekindle.benchmark.commands.CpuPerCommand;
import app.rekindle.benchmark.commands.EventRowTable;
import app.rekindle.benchmark.lag.EndToEndLag;
import app.rekindle.benchmark.timeline.TimelineReads;
import app.rekindle.events.CloudEventsKafka;
import app.rekindle.events.PublishedEvent;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleUnaryOperator;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * How the per-event costs grow with the event store (issue #17, point 5): the event store is filled to
 * {@link Mode#scaleSmall} events over {@link Mode#scaleJournals} journals, the command, lag, timeline and
 * projection figures are taken, then it is filled to {@link Mode#scaleLarge} and they are taken again. Each row
 * is a cost per event (time per check-in, CPU per check-in, latency, time per projected event) at the large size
 * against the small one.
 * <p>
 * The fill: journals' events as the command service would have stored them ({@link ScaleJournals}), keys in
 * {@code journal_key} ({@link JournalKeyRows}), rows copied into {@code domain_event_entry} as history, before
 * everything stored ({@link EventStoreCopy}), and the same events as the publisher's records on the journal topic,
 * which the live query service projects ({@link ProjectionWatch}).
 */
public final class CostsAtScale {

    private static final String CHECK_IN = "{\"mood\":4,\"connection\":3,\"note\":\"Walked by the river after dinner "
            + "and talked about the summer\"}";
    /** The projection rate is taken over the last fifth of each fill, when the views hold nearly all of it. */
    private static final double PROJECTION_WINDOW = 0.2;

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
            long storeEvents,
            long added,
            double fillSeconds,
            double catchUpSeconds,
            double projectionRate,
            List<Double> commandRates,
            List<Double> cpuMillis,
            double lagRate,
            List<Double> lagP50,
            List<Double> lagP99,
            List<Double> timelineP50,
            List<Double> timelineP99,
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
        JournalKeyRows.insert(bed, journals);
        double keySeconds = (System.nanoTime() - keys) / 1e9;

        long lowest;
        try (Connection events = bed.connect("events")) {
            lowest = EventStoreCopy.lowestIndex(events);
        }
        long room = mode.scaleLarge();
        Size small = fillAndMeasure(
                journals, mode.scaleSmall(), opened, checkedIn, Double.NaN, lowest - room, Long.MAX_VALUE);
        Size large = fillAndMeasure(journals, mode.scaleLarge(), opened, checkedIn, small.lagRate(), lowest, room);

        DoubleUnaryOperator perCommand = rate -> 1_000 / rate;
        row(
                section,
                "time per check-in, 4 clients (1 / commands/s)",
                "ms",
                map(small.commandRates(), perCommand),
                map(large.commandRates(), perCommand));
        row(section, "command-service CPU per check-in, 4 clients", "ms", small.cpuMillis(), large.cpuMillis());
        row(section, "check-in due → visible in the view, p50", "ms", small.lagP50(), large.lagP50());
        row(section, "check-in due → visible in the view, p99", "ms", small.lagP99(), large.lagP99());
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
        row(
                section,
                "projection by the live query service, time per event at the end of the fill",
                "µs",
                List.of(1e6 / small.projectionRate()),
                List.of(1e6 / large.projectionRate()));
        notes(section, mode, keySeconds, small, large);
    }

    private Size fillAndMeasure(
            ScaleJournals journals,
            long target,
            EventRowTable.Template opened,
            EventRowTable.Template checkedIn,
            double fixedLagRate,
            long below,
            long room)
            throws Exception {
        long filling = System.nanoTime();
        long added;
        long topicStart;
        long topicEnd;
        double projectionRate;
        double fillSeconds;
        double catchUpSeconds;
        try (Connection events = bed.connect("events");
                KafkaConsumer<String, byte[]> offsets = Topics.consumer(bed.kafka(), null);
                ProjectionWatch watch = new ProjectionWatch(bed)) {
            long stored = count(events);
            added = Math.max(target - stored, journals.fewest());
            if (added > room) {
                throw new IllegalStateException("No room for " + added + " events under global index " + below);
            }
            // History in order: the first fill under the room kept for the second, the second in that room, then
            // what the command service stored.
            long first = below - added;
            topicStart = Topics.endOffsetSum(offsets, bed.topic());
            System.out.printf(Locale.ROOT, "  scale: adding %,d events to the %,d stored%n", added, stored);
            AtomicReference<Exception> refused = new AtomicReference<>();
            try (EventStoreCopy copy = new EventStoreCopy(events, first, opened, checkedIn);
                    KafkaProducer<String, byte[]> producer = Topics.loader(bed.kafka())) {
                journals.add(added, event -> {
                    copy.add(event);
                    producer.send(
                            CloudEventsKafka.toRecord(
                                    bed.topic(),
                                    PublishedEvent.of(event.eventId(), event.sequence(), event.event()),
                                    event.payload()),
                            (metadata, e) -> {
                                if (e != null) {
                                    refused.compareAndSet(null, e);
                                }
                            });
                });
                long rows = copy.finish();
                producer.flush();
                if (rows != added || refused.get() != null) {
                    throw new IllegalStateException("The fill wrote " + rows + " of " + added + " rows", refused.get());
                }
            }
            topicEnd = Topics.endOffsetSum(offsets, bed.topic());
            fillSeconds = (System.nanoTime() - filling) / 1e9;
            lag.awaitQuerySideCaughtUp(Duration.ofMinutes(60));
            catchUpSeconds = (System.nanoTime() - filling) / 1e9 - fillSeconds;
            long published = Topics.endOffsetSum(offsets, bed.topic()) - topicStart;
            if (published != added) {
                // The publisher sent the fill too: every figure would include its re-publishing.
                throw new IllegalStateException(
                        published + " records reached the topic during a fill of " + added + " events");
            }
            projectionRate = watch.rate(topicEnd - (long) ((topicEnd - topicStart) * PROJECTION_WINDOW), topicEnd);
        }
        long storeEvents;
        try (Connection events = bed.connect("events")) {
            storeEvents = count(events);
        }
        System.out.printf(
                Locale.ROOT,
                "  scale: store at %,d events (filled in %.0f s, projected %.0f s later, %.0f events/s at the end)%n",
                storeEvents,
                fillSeconds,
                catchUpSeconds,
                projectionRate);
        if (Double.isNaN(fixedLagRate)) {
            // Unrecorded, before the first size only: on two cores the services keep getting faster for minutes
            // as the JIT compiles, and a first size measured on colder services than the second flatters the ratio.
            measure(journals, storeEvents, added, fillSeconds, catchUpSeconds, projectionRate, fixedLagRate, 1);
        }
        return measure(
                journals,
                storeEvents,
                added,
                fillSeconds,
                catchUpSeconds,
                projectionRate,
                fixedLagRate,
                bed.mode().scaleRounds());
    }

    private Size measure(
            ScaleJournals journals,
            long storeEvents,
            long added,
            double fillSeconds,
            double catchUpSeconds,
            double projectionRate,
            double fixedLagRate,
            int rounds)
            throws Exception {
        long measuring = System.nanoTime();
        int clients = CheckInLoad.maxClients();
        String size = String.format(Locale.ROOT, "%,d events", storeEvents);
        CheckInLoad load = new CheckInLoad(bed, bed.commandUrl(), clients);
        load.warmUp("Rekindle at " + size, clients);
        ProcessHandle commandService = bed.service("command-service.jar").orElse(null);
        List<Double> rates = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            CpuPerCommand phase = CpuPerCommand.measure(commandService, () -> load.run(clients));
            rates.add(phase.rate());
            cpu.add(phase.cpuMillis());
        }
        // The same rate at both sizes: half of what the command service answered at the small one.
        double lagRate =
                Double.isNaN(fixedLagRate) ? Math.max(2, Spread.of(rates).median() / 2) : fixedLagRate;
        EndToEndLag.Percentiles lagged = lag.rekindleOnly(lagRate, rounds);

        double readRate = bed.mode().readsPerSecond();
        Duration readPhase = bed.mode().readPhase(1, readRate);
        int warmUp = (int) Math.min(2_000, readRate * readPhase.toSeconds());
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            Latencies pages =
                    timeline.firstPages(journals.timelineJournal(), readRate, readPhase, round == 0 ? warmUp : 0);
            p50.add(pages.percentileMillis(50));
            p99.add(pages.percentileMillis(99));
        }
        Size measured = new Size(
                storeEvents,
                added,
                fillSeconds,
                catchUpSeconds,
                projectionRate,
                rates,
                cpu,
                lagRate,
                lagged.p50(),
                lagged.p99(),
                p50,
                p99,
                (System.nanoTime() - measuring) / 1e9);
        System.out.printf(
                Locale.ROOT,
                "  scale at %s: %s check-ins/s (%s ms CPU each), lag at %.0f/s p50 %s p99 %s ms, "
                        + "timeline p50 %s p99 %s ms (%.0f s measuring)%n",
                size,
                rates,
                cpu,
                lagRate,
                lagged.p50(),
                lagged.p99(),
                p50,
                p99,
                measured.measureSeconds());
        return measured;
    }

    /**
     * A cost at the large size against the small one. The sizes are minutes apart, not round by round, so the
     * ratio is of the medians, and its range pairs the extremes (best large over worst small, and the reverse).
     */
    private static void row(
            Report.Section section, String measure, String unit, List<Double> small, List<Double> large) {
        Spread s = Spread.of(small);
        Spread l = Spread.of(large);
        Spread ratio = new Spread(
                l.median() / s.median(), l.min() / s.max(), l.max() / s.min(), Math.min(s.rounds(), l.rounds()));
        section.rows()
                .add(new Report.Row(measure, unit, l.median(), s.median(), ratio, "≤ 1.2×", ratio.median() <= 1.2));
    }

    private static List<Double> map(List<Double> values, DoubleUnaryOperator f) {
        return values.stream().map(f::applyAsDouble).toList();
    }

    private static long count(Connection events) throws Exception {
        try (Statement statement = events.createStatement();
                ResultSet rs = statement.executeQuery("select count(*) from events.domain_event_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void notes(Report.Section section, Mode mode, double keySeconds, Size small, Size large) {
        section.notes()
                .add(String.format(
                        Locale.ROOT,
                        "Store sizes measured: %,d and %,d events (filled up to the mode's %,d and %,d over what "
                                + "the run had stored), %,d preloaded journals, each opened by the benchmark's person "
                                + "then check-ins with a sealed note, one journal holding %,d check-ins (the timeline "
                                + "read). Data keys wrapped and stored in %.1f s.",
                        small.storeEvents(),
                        large.storeEvents(),
                        mode.scaleSmall(),
                        mode.scaleLarge(),
                        mode.scaleJournals(),
                        ScaleJournals.TIMELINE_ENTRIES,
                        keySeconds));
        section.notes()
                .add("The fill writes each event once, sealed by journal-events' own `SealedEvents` under its "
                        + "journal's key: into `events.domain_event_entry` by binary COPY (constant columns from rows "
                        + "the command service stored) with global indexes below every stored one (history, which "
                        + "the publisher, reading past its position, never sends), and onto the journal topic as "
                        + "`CloudEventsKafka` records by a plain producer; the live query service projects them as "
                        + "it would the publisher's.");
        for (Size size : List.of(small, large)) {
            section.notes()
                    .add(String.format(
                            Locale.ROOT,
                            "At %,d events: %,d added in %.0f s (generate, seal, COPY, produce), the query service "
                                    + "caught up %.0f s later, projecting %.0f events/s over the last %.0f%% of them; "
                                    + "measuring took %.0f s (%d rounds each; the first size's unrecorded round not "
                                    + "counted).",
                            size.storeEvents(),
                            size.added(),
                            size.fillSeconds(),
                            size.catchUpSeconds(),
                            size.projectionRate(),
                            PROJECTION_WINDOW * 100,
                            size.measureSeconds(),
                            mode.scaleRounds()));
        }
        section.notes()
                .add(String.format(
                        Locale.ROOT,
                        "Commands: closed loop of %d clients on journals opened for each size (warm-up as in "
                                + "section 1). Before the first size, one unrecorded round of every measurement. Lag: open loop at %.1f check-ins/s at both sizes (half the small size's "
                                + "command rate), after the query service caught up. Timeline: first pages at %d "
                                + "requests/s. Each ratio is large over small of the medians; (min–max) pairs the "
                                + "extremes, the sizes being minutes apart rather than round by round.",
                        CheckInLoad.maxClients(),
                        small.lagRate(),
                        mode.readsPerSecond()));
    }
}
