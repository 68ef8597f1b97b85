package app.rekindle.benchmark.scale;

import app.rekindle.benchmark.Testbed;
import app.rekindle.benchmark.Topics;
import app.rekindle.benchmark.commands.EventRowTable;
import app.rekindle.benchmark.lag.EndToEndLag;
import app.rekindle.events.CloudEventsKafka;
import app.rekindle.events.PublishedEvent;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Fills the event store and the views to a size for {@link CostsAtScale}: journals' events as the command service
 * would have stored them ({@link ScaleJournals}), rows copied into {@code domain_event_entry} as history, before
 * everything stored ({@link EventStoreCopy}); the views of most journals cloned from a witness journal's ({@link
 * ViewClone}), and the rest sent as the publisher's records on the journal topic for the live query service to
 * project, the last part (the live part) once the views hold everything else, timed ({@link ProjectionWatch}).
 */
final class ScaleFill {

    /**
     * One fill: the store's events after it, events added, seconds until they were stored (the witness projected
     * after {@code witnessSeconds}, {@code clonedRows} view rows cloned meanwhile), the live part's events ({@code
     * perLiveJournal} per live journal), projected {@code catchUpSeconds} after the store was filled, {@code
     * measuredEvents} of them at {@code projectionRate} events/s, after the tables were vacuumed and analyzed in
     * {@code vacuumSeconds}.
     */
    record Filled(
            long storeEvents,
            long added,
            double seconds,
            double witnessSeconds,
            long clonedRows,
            long liveEvents,
            int perLiveJournal,
            long measuredEvents,
            double catchUpSeconds,
            double projectionRate,
            double vacuumSeconds) {}

    private final Testbed bed;
    private final EndToEndLag lag;
    private final ScaleJournals journals;
    private final ViewClone clone;
    private final EventRowTable.Template opened;
    private final EventRowTable.Template checkedIn;

    ScaleFill(
            Testbed bed,
            EndToEndLag lag,
            ScaleJournals journals,
            ViewClone clone,
            EventRowTable.Template opened,
            EventRowTable.Template checkedIn) {
        this.bed = bed;
        this.lag = lag;
        this.journals = journals;
        this.clone = clone;
        this.opened = opened;
        this.checkedIn = checkedIn;
    }

    /**
     * Fills the store to at least {@code target} events, its rows' global indexes ending just below {@code below}
     * with at most {@code room} of them; a live journal takes at most {@code mostLive} events, and the projection
     * rate is taken over at most {@code liveToMeasure} of the live part's events after its first wave.
     */
    Filled to(long target, int mostLive, long liveToMeasure, long below, long room) throws Exception {
        long filling = System.nanoTime();
        Filled fill;
        try (Connection events = bed.connect("events");
                KafkaConsumer<String, byte[]> offsets = Topics.consumer(bed.kafka(), null);
                ProjectionWatch watch = new ProjectionWatch(bed)) {
            long stored = count(events);
            // At the large size the live journals take the small size's share, the cloned ones the rest: the
            // query service projects the same live part at both sizes (80,000 events at 5M in the full run of
            // 2026-12-05 otherwise, 58 s of a 45-minute budget for 8,000 measured).
            ScaleJournals.PerJournal perJournal = journals.perJournal(target - stored, mostLive);
            long added = journals.events(perJournal);
            if (added > room) {
                throw new IllegalStateException("No room for " + added + " events under global index " + below);
            }
            long topicStart = Topics.endOffsetSum(offsets, bed.topic());
            System.out.printf(
                    Locale.ROOT,
                    "  scale: adding %,d events to the %,d stored (%d per journal, %d per live journal)%n",
                    added,
                    stored,
                    perJournal.others(),
                    perJournal.live());
            clone.snapshotWitness();
            // History in order: the first fill under the room kept for the second, the second in that room, then
            // what the command service stored.
            try (EventStoreCopy copy = new EventStoreCopy(events, below - added, opened, checkedIn);
                    KafkaProducer<String, byte[]> producer = Topics.loader(bed.kafka())) {
                List<ProducerRecord<String, byte[]>> toTopic = new ArrayList<>();
                List<Long> liveSequences = new ArrayList<>();
                ScaleJournals.Sink storedAndSent = event -> {
                    copy.add(event);
                    liveSequences.add(event.sequence());
                    toTopic.add(CloudEventsKafka.toRecord(
                            bed.topic(),
                            PublishedEvent.of(event.eventId(), event.sequence(), event.event()),
                            event.payload()));
                };
                // The timeline journal (first fill only) and the witness: projected by the query service.
                journals.add(0, ScaleJournals.WITNESS + 1, perJournal.others(), storedAndSent);
                long sent = send(producer, toTopic);
                liveSequences.clear();
                lag.awaitQuerySideCaughtUp(Duration.ofMinutes(10));
                double witnessSeconds = (System.nanoTime() - filling) / 1e9;
                // The cloned journals: stored, and their views copied from the witness's meanwhile.
                CompletableFuture<Long> cloning = CompletableFuture.supplyAsync(() -> {
                    try {
                        return clone.cloneWitness();
                    } catch (SQLException e) {
                        throw new IllegalStateException("Could not clone the witness's views", e);
                    }
                });
                journals.add(journals.firstCloned(), journals.count(), perJournal.others(), copy::add);
                long clonedRows = cloning.join();
                // The live part: stored, then sent at once, projected by the query service with the views at size.
                journals.add(ScaleJournals.WITNESS + 1, journals.firstCloned(), perJournal.live(), storedAndSent);
                long rows = copy.finish();
                if (rows != added) {
                    throw new IllegalStateException("The fill wrote " + rows + " of " + added + " rows");
                }
                double fillSeconds = (System.nanoTime() - filling) / 1e9;
                // Before the live part, not after: projected against tables whose statistics still describe the
                // store before the fill, its statements planned for small tables (336 events/s at 1M in the full
                // run of 2026-12-05, 3,646/s at 5M against statistics of 1M).
                long vacuuming = System.nanoTime();
                vacuum();
                double vacuumSeconds = (System.nanoTime() - vacuuming) / 1e9;
                long liveStart = Topics.endOffsetSum(offsets, bed.topic());
                long live = send(producer, acrossJournals(toTopic, liveSequences));
                sent += live;
                lag.awaitQuerySideCaughtUp(Duration.ofMinutes(30));
                double catchUpSeconds = (System.nanoTime() - filling) / 1e9 - fillSeconds;
                long published = Topics.endOffsetSum(offsets, bed.topic()) - topicStart;
                if (published != sent) {
                    // The publisher sent the fill too: every figure would include its re-publishing.
                    throw new IllegalStateException(
                            published + " records reached the topic during a fill that sent " + sent);
                }
                long behind = clone.journalsBehind(journals.eventsPerJournal(), journals.eventsPerLiveJournal());
                if (behind > 0) {
                    throw new IllegalStateException(
                            behind + " journals of the fill are not where their events end " + "in the views");
                }
                // Check-ins only, as many at both sizes (the small size's whole live part but its first wave): the
                // first wave of the first fill opens the live journals, which costs more than a check-in and which
                // the second fill's live part does not have. Sent across journals, the measured events are the same
                // check-ins per journal at both sizes.
                long firstWave = journals.firstCloned() - ScaleJournals.WITNESS - 1;
                long measured = Math.min(live - firstWave, liveToMeasure);
                double projectionRate = watch.rate(liveStart + firstWave, liveStart + firstWave + measured);
                fill = new Filled(
                        count(events),
                        added,
                        fillSeconds,
                        witnessSeconds,
                        clonedRows,
                        live,
                        perJournal.live(),
                        measured,
                        catchUpSeconds,
                        projectionRate,
                        vacuumSeconds);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "  scale: store at %,d events (filled in %.0f s: witness projected after %.0f s, %,d view rows "
                        + "cloned; live part of %,d events projected %.0f s later, %,d after its first wave at "
                        + "%.0f events/s; "
                        + "vacuumed in %.0f s)%n",
                fill.storeEvents(),
                fill.seconds(),
                fill.witnessSeconds(),
                fill.clonedRows(),
                fill.liveEvents(),
                fill.catchUpSeconds(),
                fill.measuredEvents(),
                fill.projectionRate(),
                fill.vacuumSeconds());
        return fill;
    }

    /**
     * {@code VACUUM ANALYZE} of every table of the event store and the views: what autovacuum would have done while
     * a store of that size grew, and had no time to do after a fill of seconds (stale statistics, hint bits and
     * visibility maps would be measured instead of the store).
     */
    private void vacuum() throws SQLException {
        try (Connection db = bed.connect("events");
                Statement statement = db.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs =
                    statement.executeQuery("select quote_ident(schemaname) || '.' || quote_ident(tablename) "
                            + "from pg_tables where schemaname in ('events', 'views') order by 1")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                statement.execute("vacuum (analyze) " + table);
            }
        }
    }

    /**
     * The live part in the order live traffic reaches the projection: every journal's next event, then every
     * journal's one after (each journal's own order kept). Generated journal by journal, a poll would hold a few
     * journals' whole fill, and the cost per event would depend on how many events a journal got per fill (4 at 1M
     * and 39 at 5M in the full run of 2026-12-05), not on the size of the store.
     */
    private static List<ProducerRecord<String, byte[]>> acrossJournals(
            List<ProducerRecord<String, byte[]>> records, List<Long> sequences) {
        Integer[] order = new Integer[records.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // A stable sort: within one sequence, the journals stay in the order they were generated.
        Arrays.sort(order, Comparator.comparingLong(sequences::get));
        List<ProducerRecord<String, byte[]>> sorted = new ArrayList<>(records.size());
        for (int i : order) {
            sorted.add(records.get(i));
        }
        records.clear();
        return sorted;
    }

    /** Sends the records, waits until the broker has them all, and forgets them; returns how many. */
    private static long send(KafkaProducer<String, byte[]> producer, List<ProducerRecord<String, byte[]>> records)
            throws Exception {
        List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
        for (ProducerRecord<String, byte[]> record : records) {
            acks.add(producer.send(record));
        }
        producer.flush();
        for (Future<RecordMetadata> ack : acks) {
            ack.get();
        }
        records.clear();
        return acks.size();
    }

    static long count(Connection events) throws Exception {
        try (Statement statement = events.createStatement();
                ResultSet rs = statement.executeQuery("select count(*) from events.domain_event_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
