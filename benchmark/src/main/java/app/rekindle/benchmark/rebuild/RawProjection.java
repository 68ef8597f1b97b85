package app.rekindle.benchmark.rebuild;

import app.rekindle.benchmark.Testbed;
import app.rekindle.benchmark.Topics;
import app.rekindle.events.CloudEventsKafka;
import app.rekindle.events.JournalEvent;
import app.rekindle.events.JournalEventJson;
import app.rekindle.events.PublishedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The ideal projection the query service is compared with: a plain consumer that reads the same records with
 * {@code CloudEventsKafka.fromRecord} and writes comparable rows (journal, timeline entry, last sequence per
 * journal) with batched JDBC, one transaction per poll, offsets committed after it.
 */
final class RawProjection implements Runnable {

    private final Testbed bed;
    private final String schema;
    private final String topic;
    private final String groupId;
    private final long events;
    private volatile boolean running = true;

    RawProjection(Testbed bed, String schema, String topic, String groupId, long events) {
        this.bed = bed;
        this.schema = schema;
        this.topic = topic;
        this.groupId = groupId;
        this.events = events;
    }

    static void createSchema(Testbed bed, String schema) throws Exception {
        try (Connection connection = bed.connect("views"); Statement ddl = connection.createStatement()) {
            ddl.execute("create schema " + schema);
            for (String table : List.of("journal_position", "journal_view", "timeline_entry")) {
                ddl.execute("create table " + schema + "." + table + " (like views." + table + " including all)");
            }
        }
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        long applied = 0;
        try (KafkaConsumer<String, byte[]> consumer = Topics.consumer(bed.kafka(), groupId);
             Connection db = bed.connect(schema);
             PreparedStatement opened = db.prepareStatement("""
                     insert into journal_view (journal_id, owner_id, partner_name, intention, timezone, status,
                                               opened_at, version) values (?, ?, ?, ?, ?, 'OPEN', ?, ?)""");
             PreparedStatement entry = db.prepareStatement("""
                     insert into timeline_entry (entry_id, journal_id, kind, step, occurred_at, recorded_at, fields,
                                                 revision, search_text)
                     values (?, ?, ?, ?, ?, ?, cast(? as jsonb), 1, '')""");
             PreparedStatement position = db.prepareStatement("""
                     insert into journal_position (journal_id, last_sequence, updated_at) values (?, ?, now())
                     on conflict (journal_id) do update set last_sequence = excluded.last_sequence,
                                                          updated_at = excluded.updated_at""")) {
            db.setAutoCommit(false);
            consumer.subscribe(List.of(topic));
            while (running && applied < events) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(100));
                if (records.isEmpty()) {
                    continue;
                }
                Map<UUID, Long> last = new HashMap<>();
                for (ConsumerRecord<String, byte[]> record : records) {
                    PublishedEvent published = CloudEventsKafka.fromRecord(record);
                    switch (published.event()) {
                        case JournalEvent.JournalOpened o -> {
                            opened.setObject(1, o.journalId());
                            opened.setString(2, o.ownerId());
                            opened.setString(3, o.partnerName());
                            opened.setString(4, o.intention());
                            opened.setString(5, o.timezone());
                            opened.setTimestamp(6, Timestamp.from(o.occurredAt()));
                            opened.setLong(7, published.sequence());
                            opened.addBatch();
                        }
                        case JournalEvent.EntryLogged logged -> {
                            entry.setObject(1, logged.entryId());
                            entry.setObject(2, logged.journalId());
                            entry.setString(3, logged.kind().name());
                            entry.setString(4, logged.kind().step().map(s -> s.slug()).orElse(null));
                            entry.setTimestamp(5, Timestamp.from(logged.occurredAt()));
                            entry.setTimestamp(6, Timestamp.from(logged.recordedAt()));
                            entry.setString(7, new String(JournalEventJson.toBytes(logged)));
                            entry.addBatch();
                        }
                        default -> {
                        }
                    }
                    last.merge(published.journalId(), published.sequence(), Math::max);
                }
                for (Map.Entry<UUID, Long> journal : last.entrySet()) {
                    position.setObject(1, journal.getKey());
                    position.setLong(2, journal.getValue());
                    position.addBatch();
                }
                opened.executeBatch();
                entry.executeBatch();
                position.executeBatch();
                db.commit();
                consumer.commitSync();
                applied += records.count();
            }
        } catch (Exception e) {
            throw new IllegalStateException("The raw projection failed", e);
        }
    }
}
