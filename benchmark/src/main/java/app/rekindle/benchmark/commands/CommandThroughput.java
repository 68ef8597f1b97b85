package app.rekindle.benchmark.commands;

import app.rekindle.benchmark.Report;
import app.rekindle.benchmark.Spread;
import app.rekindle.benchmark.Testbed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed loop: each of {@code c} clients sends a check-in, waits for the answer, sends the next, for one phase.
 * Each client writes to journals of its own, so clients never contend for one journal. The baseline is what
 * the event store cannot do without: one transaction per command inserting an event row of the same bytes into
 * a table shaped like Axon's, from the same number of clients.
 */
public final class CommandThroughput {

    /** At most this many warm-up phases (a minute in full mode). */
    private static final int WARM_UP_PHASES = 6;

    private final Testbed bed;
    private final AtomicLong baselineJournals = new AtomicLong();

    public CommandThroughput(Testbed bed) {
        this.bed = bed;
    }

    /** @return Rekindle's median commands/s at the highest concurrency: the maximum rate the lag test works from */
    public double run(Report report) throws Exception {
        Report.Section section = report.section("1. Command throughput",
                "plain JDBC, one transaction per command inserting an event row of the same bytes into a copy of "
                        + "`domain_event_entry` (schema `bench`), same number of clients");
        int maxClients = CheckInLoad.maxClients();
        CheckInLoad load = new CheckInLoad(bed, bed.commandUrl(), maxClients);
        // Warm-up, unrecorded: a stored check-in to copy the baseline's row from, and the JIT. On two cores the
        // services take a minute of load to reach their compiled speed, and rounds taken while they still climb
        // measure the compiler, not the service: phases run until one is within 10% of the one before.
        double previous = load.run(maxClients);
        for (int phase = 2; phase <= WARM_UP_PHASES; phase++) {
            double rate = load.run(maxClients);
            System.out.printf("  commands, warm-up phase %d: %.0f/s%n", phase, rate);
            if (Math.abs(rate - previous) <= 0.1 * previous) {
                break;
            }
            previous = rate;
        }
        EventRowTable.Template template;
        try (Connection events = bed.connect("events")) {
            EventRowTable.create(events);
            template = EventRowTable.template(events, "CheckedIn");
        }
        baseline(maxClients, template);

        double maxRate = 0;
        for (int clients : CheckInLoad.CONCURRENCY) {
            List<Double> baseline = new ArrayList<>();
            List<Double> rekindle = new ArrayList<>();
            for (int round = 0; round < bed.mode().rounds(); round++) {
                baseline.add(baseline(clients, template));
                rekindle.add(load.run(clients));
                System.out.printf("  commands, %d client(s), round %d: baseline %.0f/s, Rekindle %.0f/s%n",
                        clients, round + 1, baseline.getLast(), rekindle.getLast());
            }
            Spread ratio = Spread.ofRatios(rekindle, baseline);
            double median = Spread.of(rekindle).median();
            section.rows().add(new Report.Row("check-ins, " + clients + " client(s)", "commands/s", median,
                    Spread.of(baseline).median(), ratio, "≥ 0.5× baseline", ratio.median() >= 0.5));
            maxRate = Math.max(maxRate, median);
        }
        section.notes().add("Each command is a check-in over HTTP to the command service (Axon aggregate loaded, "
                + "rules checked, event appended), answered 201. Rounds start once a warm-up phase at the "
                + "highest concurrency came within 10% of the one before (at most " + WARM_UP_PHASES + " phases).");
        return maxRate;
    }

    private double baseline(int clients, EventRowTable.Template template) throws Exception {
        return ClosedLoop.run(clients, client -> {
            String[] journals = new String[CheckInLoad.journalsPerClient()];
            for (int j = 0; j < journals.length; j++) {
                journals[j] = new UUID(0, baselineJournals.incrementAndGet()).toString();
            }
            long[] sequences = new long[journals.length];
            long done = 0;
            try (Connection connection = bed.connect("bench");
                 PreparedStatement insert = EventRowTable.prepareInsert(connection)) {
                connection.setAutoCommit(false);
                long deadline = System.nanoTime() + bed.mode().phase().toNanos();
                while (System.nanoTime() < deadline) {
                    int j = (int) (done % journals.length);
                    EventRowTable.bind(insert, template, journals[j], sequences[j]++, template.payload());
                    insert.executeUpdate();
                    connection.commit();
                    done++;
                }
            }
            return done;
        });
    }
}
