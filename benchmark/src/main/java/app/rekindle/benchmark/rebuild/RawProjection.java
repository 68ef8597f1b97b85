package app.rekindle.benchmark.rebuild;

import app.rekindle.benchmark.Testbed;
import app.rekindle.benchmark.Topics;
import app.rekindle.events.CloudEventsKafka;
import app.rekindle.events.JournalEvent;
import app.rekindle.events.JournalEventJson;
import app.rekindle.events.PublishedEvent;
import app.rekindle.events.Step;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * The ideal projection the query service is compared with: a plain consumer that reads the same records with
 * {@code CloudEventsKafka.fromRecord} and writes the same rows the query service writes for them (journal and
 * its six steps, timeline entry and its first revision, event log row, last sequence per journal, the journal's
 * version and entry count once per poll) with batched JDBC, one transaction per poll, offsets committed after it.
 * It knows the workload (no step entries, no amendments), so it needs no position checks and no reads.
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
        try (Connection connection = bed.connect("views");
                Statement ddl = connection.createStatement()) {
            ddl.execute("create schema " + schema);
            for (String table :
                    List.of("journal_position", "journal_view", "timeline_entry", "step_progress", "journal_event")) {
                ddl.execute("create table " + schema + "." + table + " (like views." + table + " including all)");
            }
            ddl.execute("create table " + schema + ".timeline_entry_revision (like views.timeline_entry_revision "
                    + "including all, foreign key (journal_id, entry_id) references " + schema
                    + ".timeline_entry (journal_id, entry_id) on delete cascade)");
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
                PreparedStatement steps = db.prepareStatement("""
                     insert into step_progress (journal_id, step, number, status) values (?, ?, ?, 'NOT_STARTED')""");
                PreparedStatement entry = db.prepareStatement("""
                     insert into timeline_entry (entry_id, journal_id, kind, step, occurred_at, recorded_at, fields,
                                                 revision, search_text)
                     values (?, ?, ?, ?, ?, ?, cast(? as jsonb), 1, ?)""");
                PreparedStatement revision = db.prepareStatement("""
                     insert into timeline_entry_revision (entry_id, journal_id, revision, sequence, recorded_at,
                                                          fields, changes)
                     values (?, ?, 1, ?, ?, cast(? as jsonb), '{}')""");
                PreparedStatement log = db.prepareStatement("""
                     insert into journal_event (journal_id, sequence, event_id, type, schema_version, occurred_at,
                                                recorded_at, recorded_floor, payload)
                     values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as json))""");
                PreparedStatement journal = db.prepareStatement("""
                     update journal_view set version = ?, entry_count = entry_count + ?,
                            last_entry_at = greatest(last_entry_at, ?) where journal_id = ?""");
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
                Map<UUID, Integer> entries = new HashMap<>();
                Map<UUID, Timestamp> lastEntry = new HashMap<>();
                for (ConsumerRecord<String, byte[]> record : records) {
                    PublishedEvent published = CloudEventsKafka.fromRecord(record);
                    String json = new String(JournalEventJson.toBytes(published.event()), StandardCharsets.UTF_8);
                    log.setObject(1, published.journalId());
                    log.setLong(2, published.sequence());
                    log.setString(3, published.eventId());
                    log.setString(4, published.type().name());
                    log.setInt(5, published.type().version());
                    log.setTimestamp(6, Timestamp.from(published.event().occurredAt()));
                    log.setTimestamp(7, Timestamp.from(published.event().recordedAt()));
                    // The bench's clock only rises, so each event's floor is its own recorded time.
                    log.setTimestamp(8, Timestamp.from(published.event().recordedAt()));
                    log.setString(9, json);
                    log.addBatch();
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
                            for (Step step : Step.values()) {
                                steps.setObject(1, o.journalId());
                                steps.setString(2, step.slug());
                                steps.setInt(3, step.number());
                                steps.addBatch();
                            }
                        }
                        case JournalEvent.EntryLogged logged -> {
                            entry.setObject(1, logged.entryId());
                            entry.setObject(2, logged.journalId());
                            entry.setString(3, logged.kind().name());
                            entry.setString(
                                    4, logged.kind().step().map(s -> s.slug()).orElse(null));
                            entry.setTimestamp(5, Timestamp.from(logged.occurredAt()));
                            entry.setTimestamp(6, Timestamp.from(logged.recordedAt()));
                            entry.setString(7, json);
                            entry.setString(8, json.toLowerCase(Locale.ROOT));
                            entry.addBatch();
                            revision.setObject(1, logged.entryId());
                            revision.setObject(2, logged.journalId());
                            revision.setLong(3, published.sequence());
                            revision.setTimestamp(4, Timestamp.from(logged.recordedAt()));
                            revision.setString(5, json);
                            revision.addBatch();
                            entries.merge(logged.journalId(), 1, Integer::sum);
                            lastEntry.merge(
                                    logged.journalId(),
                                    Timestamp.from(logged.occurredAt()),
                                    (a, b) -> a.after(b) ? a : b);
                        }
                        default -> {}
                    }
                    last.merge(published.journalId(), published.sequence(), Math::max);
                }
                for (Map.Entry<UUID, Long> journalEntry : last.entrySet()) {
                    position.setObject(1, journalEntry.getKey());
                    position.setLong(2, journalEntry.getValue());
                    position.addBatch();
                    journal.setLong(1, journalEntry.getValue());
                    journal.setInt(2, entries.getOrDefault(journalEntry.getKey(), 0));
                    journal.setTimestamp(3, lastEntry.get(journalEntry.getKey()));
                    journal.setObject(4, journalEntry.getKey());
                    journal.addBatch();
                }
                opened.executeBatch();
                steps.executeBatch();
                entry.executeBatch();
                revision.executeBatch();
                log.executeBatch();
                journal.executeBatch();
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
