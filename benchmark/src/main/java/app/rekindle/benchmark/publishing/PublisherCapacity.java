package app.rekindle.benchmark.publishing;

import app.rekindle.benchmark.JournalKeyRows;
import app.rekindle.benchmark.Report;
import app.rekindle.benchmark.Spread;
import app.rekindle.benchmark.Testbed;
import app.rekindle.benchmark.Topics;
import app.rekindle.benchmark.commands.EventRowTable;
import app.rekindle.events.JournalEvent;
import app.rekindle.events.privacy.DataKey;
import app.rekindle.events.privacy.SealedEvents;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * How fast the command service's Kafka publisher (Axon tracking processor + KafkaProducer) drains a backlog of
 * stored events onto the topic. The backlog is committed to the event store in one transaction (new journals,
 * stored as the command service stores them, which the query service projects), then the topic's end offsets are watched
 * until every event is there. The rate is taken from the first published event to the last, so the processor's
 * polling delay before it notices the backlog is not counted. Baseline: a raw KafkaProducer with the publisher's
 * settings sending the same number of records of the same shape to a topic of its own.
 */
public final class PublisherCapacity {

    private static final int EVENTS_PER_JOURNAL = 50;
    private static final String RAW_TOPIC = "bench.raw-publish";

    private final Testbed bed;

    public PublisherCapacity(Testbed bed) {
        this.bed = bed;
    }

    /** @return the publisher's median events/s */
    public double run(Report report, double commandRate) throws Exception {
        Report.Section section = report.section(
                "1b. Kafka publisher capacity",
                "raw KafkaProducer (idempotent, acks=all, linger 5 ms), the same number of CloudEvents records of the "
                        + "same shape, sent at once and flushed");
        int events = bed.mode().backlogEvents();
        Topics.create(bed.kafka(), RAW_TOPIC, Testbed.PARTITIONS);
        List<Double> baseline = new ArrayList<>();
        List<Double> rekindle = new ArrayList<>();
        try (Connection db = bed.connect("events");
                KafkaProducer<String, byte[]> producer = Topics.producer(bed.kafka());
                KafkaConsumer<String, byte[]> watcher = Topics.consumer(bed.kafka(), null)) {
            Backlog backlog = Backlog.from(db);
            // Warm-up round, unrecorded.
            raw(producer, events / 4);
            drain(db, watcher, backlog, events / 4);
            for (int round = 0; round < bed.mode().rounds(); round++) {
                baseline.add(raw(producer, events));
                rekindle.add(drain(db, watcher, backlog, events));
                System.out.printf(
                        "  publisher, round %d: raw producer %.0f/s, Rekindle publisher %.0f/s%n",
                        round + 1, baseline.getLast(), rekindle.getLast());
            }
        }
        Spread ratio = Spread.ofRatios(rekindle, baseline);
        double median = Spread.of(rekindle).median();
        section.rows()
                .add(new Report.Row(
                        "backlog of " + events + " events drained to Kafka",
                        "events/s",
                        median,
                        Spread.of(baseline).median(),
                        ratio,
                        null,
                        null));
        section.rows()
                .add(new Report.Row(
                        "publisher rate / command rate (4 clients)",
                        "×",
                        median / commandRate,
                        null,
                        Spread.of(rekindle.stream().map(r -> r / commandRate).toList()),
                        "≥ 3× command rate",
                        median / commandRate >= 3));
        section.notes()
                .add(String.format(
                        java.util.Locale.ROOT,
                        "Command rate used: %.0f commands/s (section 1, 4 clients, median); one event per check-in.",
                        commandRate));
        section.notes()
                .add("While the publisher drains, the query service consumes what it publishes (the real "
                        + "system's load); the raw baseline's topic has no consumer.");
        return median;
    }

    private double raw(KafkaProducer<String, byte[]> producer, int events) throws Exception {
        List<Future<RecordMetadata>> sends = new ArrayList<>(events);
        long started = System.nanoTime();
        Topics.journals(RAW_TOPIC, events, EVENTS_PER_JOURNAL, record -> sends.add(producer.send(record)));
        producer.flush();
        for (Future<RecordMetadata> send : sends) {
            send.get();
        }
        return events / ((System.nanoTime() - started) / 1e9);
    }

    private double drain(Connection db, KafkaConsumer<String, byte[]> watcher, Backlog backlog, int events)
            throws Exception {
        awaitPublished(watcher, storedEvents(db));
        long before = Topics.endOffsetSum(watcher, bed.topic());
        backlog.store(bed, db, events, EVENTS_PER_JOURNAL);
        long target = before + events;
        long firstAt = 0;
        long firstCount = 0;
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (true) {
            long now = System.nanoTime();
            long published = Topics.endOffsetSum(watcher, bed.topic());
            if (firstAt == 0 && published > before) {
                firstAt = now;
                firstCount = published - before;
            }
            if (published >= target) {
                double seconds = Math.max(now - firstAt, 1_000_000) / 1e9;
                return (events - firstCount) / seconds;
            }
            if (now > deadline) {
                throw new IllegalStateException("The publisher did not drain " + events + " events in 5 minutes");
            }
            Thread.sleep(5);
        }
    }

    private static long storedEvents(Connection db) throws Exception {
        try (Statement count = db.createStatement();
                ResultSet rs = count.executeQuery("select count(*) from events.domain_event_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void awaitPublished(KafkaConsumer<String, byte[]> watcher, long stored) throws Exception {
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (Topics.endOffsetSum(watcher, bed.topic()) < stored) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The publisher did not catch up with the event store");
            }
            Thread.sleep(20);
        }
    }

    /**
     * New journals as the command service would have stored them: each opened, then check-ins with a note, sealed by
     * journal-events' {@link SealedEvents} under a data key of the journal's own, whose row in {@code journal_key}
     * is committed first ({@link JournalKeyRows}); the other columns are a stored row's of the same type. The query
     * service then projects the backlog as it projects any journal. (Until session 14 the rows were real ones with
     * the journal id replaced: their free text stayed sealed for the original journal, so the query service
     * dead-lettered every one, asking the command service for a key that did not exist each time.)
     */
    private record Backlog(EventRowTable.Template opened, EventRowTable.Template checkIn) {

        static Backlog from(Connection db) throws Exception {
            return new Backlog(EventRowTable.template(db, "JournalOpened"), EventRowTable.template(db, "CheckedIn"));
        }

        void store(Testbed bed, Connection db, int events, int perJournal) throws Exception {
            Map<UUID, DataKey> keys = new LinkedHashMap<>();
            for (int journal = 0; journal < Math.ceilDiv(events, perJournal); journal++) {
                keys.put(UUID.randomUUID(), DataKey.generate());
            }
            JournalKeyRows.insert(bed, keys);
            Instant now = Instant.now();
            db.setAutoCommit(false);
            try (PreparedStatement insert =
                    db.prepareStatement(EventRowTable.insertInto("events.domain_event_entry"))) {
                int stored = 0;
                for (Map.Entry<UUID, DataKey> journal : keys.entrySet()) {
                    UUID id = journal.getKey();
                    for (int seq = 0; seq < perJournal && stored < events; seq++, stored++) {
                        JournalEvent event = seq == 0 ? Topics.opened(id, now) : Topics.checkIn(id, now);
                        byte[] payload = SealedEvents.seal(event, journalId -> journal.getValue());
                        EventRowTable.bind(insert, seq == 0 ? opened : checkIn, id.toString(), seq, payload);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                db.commit();
            } finally {
                db.setAutoCommit(true);
            }
        }
    }
}
