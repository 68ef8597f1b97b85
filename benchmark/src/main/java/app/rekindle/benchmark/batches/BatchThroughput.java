package app.rekindle.benchmark.batches;

import app.rekindle.benchmark.Report;
import app.rekindle.benchmark.Spread;
import app.rekindle.benchmark.Testbed;
import app.rekindle.benchmark.commands.ClosedLoop;
import app.rekindle.benchmark.commands.EventRowTable;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Offline sync at the group-commit limit: closed-loop clients each sending batches of {@value #BATCH} check-ins
 * for one of their journals ({@code POST /journals/{journalId}/batches}, client-chosen entry ids and idempotency
 * keys), against plain JDBC inserting the same number of event rows of the same bytes per transaction (one
 * batched insert, one commit), same clients, phases interleaved. After each Rekindle phase: how long until the
 * query service's views have applied every event the command side stored. A command service without the endpoint
 * (404 or 405 for the path) is reported as such, not as a failure.
 */
public final class BatchThroughput {

    static final int BATCH = 100;
    private static final int CLIENTS = 4;
    private static final int JOURNALS_PER_CLIENT = 4;
    private static final String CHECK_IN = "{\"mood\":4,\"connection\":3,\"note\":\"Walked by the river after dinner "
            + "and talked about the summer\"}";

    private final Testbed bed;
    private final AtomicLong baselineJournals = new AtomicLong(1L << 40);

    public BatchThroughput(Testbed bed) {
        this.bed = bed;
    }

    public void run(Report report) throws Exception {
        Report.Section section = report.section(
                "1c. Batch commands",
                "plain JDBC, one transaction per batch inserting " + BATCH + " event rows of the same bytes (one "
                        + "batched insert, one commit) into a copy of `domain_event_entry`, same clients");
        List<List<UUID>> journals = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            List<UUID> mine = new ArrayList<>();
            for (int j = 0; j < JOURNALS_PER_CLIENT; j++) {
                mine.add(bed.openJournal());
            }
            journals.add(mine);
        }
        int probe = send(journals.getFirst().getFirst(), 1);
        if (probe == 404 || probe == 405) {
            section.rows()
                    .add(new Report.Row(
                            "check-ins in batches of " + BATCH + ": endpoint not available "
                                    + "(POST /journals/{journalId}/batches answered " + probe + ")",
                            "events/s",
                            null,
                            null,
                            null,
                            null,
                            null));
            section.notes().add("Not measured: this command service has no batch endpoint. Not a failure.");
            return;
        }
        if (probe / 100 != 2) {
            throw new IllegalStateException("A batch of one check-in answered " + probe);
        }
        EventRowTable.Template template;
        try (Connection events = bed.connect("events")) {
            template = EventRowTable.template(events, "CheckedIn");
        }
        try (Connection bench = bed.connect("bench")) {
            EventRowTable.create(bench, "batch_event_entry");
        }
        // Warm-up, unrecorded, both sides.
        baseline(template);
        rekindle(journals);

        List<Double> raw = new ArrayList<>();
        List<Double> rekindle = new ArrayList<>();
        double worstDrain = 0;
        try (Connection events = bed.connect("events");
                Connection views = bed.connect("views")) {
            for (int round = 0; round < bed.mode().rounds(); round++) {
                raw.add(baseline(template));
                rekindle.add(rekindle(journals));
                long loadEnded = System.nanoTime();
                awaitViews(
                        events, views, journals.stream().flatMap(List::stream).toList());
                double drain = (System.nanoTime() - loadEnded) / 1e9;
                worstDrain = Math.max(worstDrain, drain);
                System.out.printf(
                        Locale.ROOT,
                        "  batches, round %d: raw JDBC %.0f events/s, Rekindle %.0f events/s, "
                                + "views drained in %.2f s%n",
                        round + 1,
                        raw.getLast(),
                        rekindle.getLast(),
                        drain);
            }
        }
        Spread ratio = Spread.ofRatios(rekindle, raw);
        section.rows()
                .add(new Report.Row(
                        "check-ins in batches of " + BATCH + ", " + CLIENTS + " clients",
                        "events/s",
                        Spread.of(rekindle).median(),
                        Spread.of(raw).median(),
                        ratio,
                        "≥ 0.25× raw batch",
                        ratio.median() >= 0.25));
        section.rows()
                .add(new Report.Row(
                        "views drained after the load (worst round)",
                        "s",
                        worstDrain,
                        null,
                        null,
                        "≤ 5 s",
                        worstDrain <= 5));
        section.notes()
                .add("Each client sends a batch for one of its " + JOURNALS_PER_CLIENT + " journals, waits "
                        + "for the answer, sends the next; every item a check-in with a note, its own entry id and "
                        + "idempotency key. Drained: from the end of a Rekindle phase until `views.journal_position` "
                        + "holds every journal's last stored sequence.");
    }

    /** One closed-loop phase of batches; returns events (items answered 2xx) per second. */
    private double rekindle(List<List<UUID>> journals) throws Exception {
        return ClosedLoop.run(CLIENTS, client -> {
            List<UUID> mine = journals.get(client);
            long events = 0;
            long deadline = System.nanoTime() + bed.mode().phase().toNanos();
            for (long sent = 0; System.nanoTime() < deadline; sent++) {
                int status = send(mine.get((int) (sent % mine.size())), BATCH);
                if (status / 100 != 2) {
                    throw new IllegalStateException("A batch of " + BATCH + " check-ins answered " + status);
                }
                events += BATCH;
            }
            return events;
        });
    }

    private int send(UUID journal, int items) {
        StringBuilder body = new StringBuilder(items * 200).append("{\"items\":[");
        for (int i = 0; i < items; i++) {
            body.append(i == 0 ? "" : ",")
                    .append("{\"type\":\"check-in\",\"idempotencyKey\":\"")
                    .append(UUID.randomUUID())
                    .append("\",\"entryId\":\"")
                    .append(UUID.randomUUID())
                    .append("\",\"body\":")
                    .append(CHECK_IN)
                    .append('}');
        }
        body.append("]}");
        HttpResponse<String> answer = bed.send(bed.command("/journals/" + journal + "/batches")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build());
        return answer.statusCode();
    }

    /** Same clients, each inserting {@value #BATCH} rows per transaction; returns rows per second. */
    private double baseline(EventRowTable.Template template) throws Exception {
        return ClosedLoop.run(CLIENTS, client -> {
            String journal = new UUID(0, baselineJournals.incrementAndGet()).toString();
            long sequence = 0;
            try (Connection connection = bed.connect("bench");
                    PreparedStatement insert =
                            connection.prepareStatement(EventRowTable.insertInto("bench.batch_event_entry"))) {
                connection.setAutoCommit(false);
                long deadline = System.nanoTime() + bed.mode().phase().toNanos();
                while (System.nanoTime() < deadline) {
                    for (int i = 0; i < BATCH; i++) {
                        EventRowTable.bind(insert, template, journal, sequence++, template.payload());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    connection.commit();
                }
            }
            return sequence;
        });
    }

    /** Until the views have applied every event the event store holds for these journals (at most a minute). */
    private static void awaitViews(Connection events, Connection views, List<UUID> journals) throws Exception {
        Map<UUID, Long> stored = new HashMap<>();
        try (PreparedStatement select = events.prepareStatement("""
                select aggregate_identifier, max(sequence_number) from events.domain_event_entry
                where aggregate_identifier = any (?) group by aggregate_identifier""")) {
            select.setArray(
                    1,
                    events.createArrayOf(
                            "varchar", journals.stream().map(UUID::toString).toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    stored.put(UUID.fromString(rs.getString(1)), rs.getLong(2));
                }
            }
        }
        try (PreparedStatement select = views.prepareStatement(
                "select journal_id, last_sequence from journal_position where journal_id = any (?)")) {
            Array ids = views.createArrayOf(
                    "uuid", journals.stream().map(UUID::toString).toArray());
            select.setArray(1, ids);
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (true) {
                Map<UUID, Long> applied = new HashMap<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        applied.put(rs.getObject(1, UUID.class), rs.getLong(2));
                    }
                }
                if (stored.entrySet().stream().allMatch(e -> applied.getOrDefault(e.getKey(), -1L) >= e.getValue())) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The views had not applied the batches a minute after the load");
                }
                Thread.sleep(5);
            }
        }
    }
}
