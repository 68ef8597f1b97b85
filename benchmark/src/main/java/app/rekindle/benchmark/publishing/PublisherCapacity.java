package app.rekindle.benchmark.publishing;

import app.rekindle.benchmark.Report;
import app.rekindle.benchmark.Spread;
import app.rekindle.benchmark.Testbed;
import app.rekindle.benchmark.Topics;
import app.rekindle.benchmark.commands.EventRowTable;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * How fast the command service's Kafka publisher (Axon tracking processor + KafkaProducer) drains a backlog of
 * stored events onto the topic. The backlog is committed to the event store in one transaction (copies of real
 * stored rows, re-keyed to new journals so the views stay consistent), then the topic's end offsets are watched
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
        backlog.store(db, events, EVENTS_PER_JOURNAL);
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

    /** Real stored rows of one journal (opened, then a check-in), copied with new ids for new journals. */
    private record Backlog(
            EventRowTable.Template opened, EventRowTable.Template checkIn, String journalId, String entryId) {

        static Backlog from(Connection db) throws Exception {
            EventRowTable.Template checkIn = EventRowTable.template(db, "CheckedIn");
            var json = Testbed.parse(new String(checkIn.payload(), StandardCharsets.UTF_8));
            String journalId = json.get("journalId").asText();
            EventRowTable.Template opened;
            try (PreparedStatement select = db.prepareStatement("""
                    select type, time_stamp, payload_type, payload_revision, payload, meta_data
                    from events.domain_event_entry where aggregate_identifier = ? and sequence_number = 0""")) {
                select.setString(1, journalId);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    opened = new EventRowTable.Template(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getBytes(5),
                            rs.getBytes(6));
                }
            }
            return new Backlog(opened, checkIn, journalId, json.get("entryId").asText());
        }

        void store(Connection db, int events, int perJournal) throws Exception {
            db.setAutoCommit(false);
            String openedJson = new String(opened.payload(), StandardCharsets.UTF_8);
            String checkInJson = new String(checkIn.payload(), StandardCharsets.UTF_8);
            try (PreparedStatement insert =
                    db.prepareStatement(EventRowTable.insertInto("events.domain_event_entry"))) {
                int stored = 0;
                while (stored < events) {
                    String journal = UUID.randomUUID().toString();
                    for (int seq = 0; seq < perJournal && stored < events; seq++, stored++) {
                        EventRowTable.Template row = seq == 0 ? opened : checkIn;
                        String payload = (seq == 0 ? openedJson : checkInJson)
                                .replace(journalId, journal)
                                .replace(entryId, UUID.randomUUID().toString());
                        EventRowTable.bind(insert, row, journal, seq, payload.getBytes(StandardCharsets.UTF_8));
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
