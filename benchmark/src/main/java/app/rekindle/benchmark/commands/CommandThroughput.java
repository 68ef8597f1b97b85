package app.rekindle.benchmark.commands;

import app.rekindle.benchmark.Report;
import app.rekindle.benchmark.Spread;
import app.rekindle.benchmark.Testbed;

import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed loop: each of {@code c} clients sends a check-in, waits for the answer, sends the next, for one phase.
 * Each client writes to journals of its own, so clients never contend for one journal. The baseline is what
 * the event store cannot do without: one transaction per command inserting an event row of the same bytes into
 * a table shaped like Axon's, from the same number of clients.
 */
public final class CommandThroughput {

    static final int[] CONCURRENCY = {1, 4};
    private static final int JOURNALS_PER_CLIENT = 4;
    private static final String CHECK_IN = "{\"mood\":4,\"connection\":3,\"note\":\"Walked by the river after dinner "
            + "and talked about the summer\"}";

    private final Testbed bed;
    private final List<List<UUID>> journalsByClient = new ArrayList<>();

    public CommandThroughput(Testbed bed) {
        this.bed = bed;
    }

    /** @return Rekindle's median commands/s at the highest concurrency: the maximum rate the lag test works from */
    public double run(Report report) throws Exception {
        Report.Section section = report.section("1. Command throughput",
                "plain JDBC, one transaction per command inserting an event row of the same bytes into a copy of "
                        + "`domain_event_entry` (schema `bench`), same number of clients");
        int maxClients = CONCURRENCY[CONCURRENCY.length - 1];
        for (int c = 0; c < maxClients; c++) {
            List<UUID> journals = new ArrayList<>();
            for (int j = 0; j < JOURNALS_PER_CLIENT; j++) {
                journals.add(bed.openJournal());
            }
            journalsByClient.add(journals);
        }
        // Warm-up, unrecorded: JIT on both sides, and a stored check-in to copy the baseline's row from.
        rekindle(maxClients);
        EventRowTable.Template template;
        try (Connection events = bed.connect("events")) {
            EventRowTable.create(events);
            template = EventRowTable.template(events, "CheckedIn");
        }
        baseline(maxClients, template);

        double maxRate = 0;
        for (int clients : CONCURRENCY) {
            List<Double> baseline = new ArrayList<>();
            List<Double> rekindle = new ArrayList<>();
            for (int round = 0; round < bed.mode().rounds(); round++) {
                baseline.add(baseline(clients, template));
                rekindle.add(rekindle(clients));
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
                + "rules checked, event appended), answered 201.");
        return maxRate;
    }

    private double rekindle(int clients) throws Exception {
        return closedLoop(clients, client -> {
            List<UUID> journals = journalsByClient.get(client);
            long done = 0;
            long deadline = deadline();
            while (System.nanoTime() < deadline) {
                UUID journal = journals.get((int) (done % journals.size()));
                HttpRequest request = bed.command("/journals/" + journal + "/check-ins")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(CHECK_IN)).build();
                int status = bed.send(request).statusCode();
                if (status != 201) {
                    throw new IllegalStateException("A check-in answered " + status);
                }
                done++;
            }
            return done;
        });
    }

    private final AtomicLong baselineJournals = new AtomicLong();

    private double baseline(int clients, EventRowTable.Template template) throws Exception {
        return closedLoop(clients, client -> {
            String[] journals = new String[JOURNALS_PER_CLIENT];
            for (int j = 0; j < journals.length; j++) {
                journals[j] = new UUID(0, baselineJournals.incrementAndGet()).toString();
            }
            long[] sequences = new long[journals.length];
            long done = 0;
            try (Connection connection = bed.connect("bench");
                 PreparedStatement insert = EventRowTable.prepareInsert(connection)) {
                connection.setAutoCommit(false);
                long deadline = deadline();
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

    private long deadline() {
        return System.nanoTime() + bed.mode().phase().toNanos();
    }

    private interface Client {
        long run(int client) throws SQLException;
    }

    /** Runs the clients side by side for one phase; returns completed commands per second. */
    private static double closedLoop(int clients, Client client) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            long started = System.nanoTime();
            List<Future<Long>> results = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int id = c;
                results.add(pool.submit((Callable<Long>) () -> client.run(id)));
            }
            long total = 0;
            for (Future<Long> result : results) {
                total += result.get();
            }
            return total / ((System.nanoTime() - started) / 1e9);
        }
    }
}
