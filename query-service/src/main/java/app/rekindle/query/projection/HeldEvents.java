package app.rekindle.query.projection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dead-letter store, the one owner of its table: records that could not be read, events that are parked or
 * wait, with the record they came in, and what became of them. Free text may be in the record, so it is never
 * logged and goes when the journal is erased.
 */
@Repository
public class HeldEvents {

    public enum Status {
        PARKED,
        WAITING_BEHIND,
        WAITING_FOR_GAP,
        APPLIED,
        DUPLICATE,
        SKIPPED
    }

    /** A held row with what is needed to apply it again. */
    public record Row(long id, UUID journalId, Long sequence, Status status, RecordCopy copy) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    HeldEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Waiting or parked, not applied yet: what holds a journal's later events back. */
    private static final String NOT_APPLIED = "status in ('PARKED', 'WAITING_BEHIND', 'WAITING_FOR_GAP')";

    private static final String LISTED = """
            select id, journal_id, sequence, type, status, reason, topic, partition, "offset", received_at,
                   resolved_at, resolved_by, skip_reason from dead_letter""";

    /**
     * Stores a record, its type as its {@code ce_type} header says ({@link RecordCopy#type()}); a second copy of a
     * sequence number that already waits is not stored again.
     */
    public boolean insert(RecordCopy copy, UUID journalId, Long sequence, Status status, String reason, Instant now) {
        return jdbc.sql("""
                        insert into dead_letter (topic, partition, "offset", journal_id, sequence, type, reason,
                                                 received_at, status, record_key, record_value, record_headers)
                        values (:topic, :partition, :offset, :journal, :sequence, :type, :reason, :at, :status,
                                :key, :value, cast(:headers as jsonb))
                        on conflict do nothing""")
                        .param("topic", copy.topic() == null ? "direct" : copy.topic())
                        .param("partition", copy.partition())
                        .param("offset", copy.offset())
                        .param("journal", journalId)
                        .param("sequence", sequence)
                        .param("type", copy.type())
                        .param("reason", reason)
                        .param("at", Timestamp.from(now))
                        .param("status", status.name())
                        .param("key", copy.key())
                        .param("value", copy.value())
                        .param("headers", headersJson(copy.headers()))
                        .update()
                == 1;
    }

    /** The journal's parked and waiting events, in sequence order. */
    public List<Row> waiting(UUID journalId) {
        return jdbc.sql("""
                        select id, journal_id, sequence, status, topic, partition, "offset", record_key, record_value,
                               record_headers::text
                        from dead_letter
                        where journal_id = :journal and status in ('PARKED', 'WAITING_BEHIND', 'WAITING_FOR_GAP')
                          and sequence is not null and record_value is not null
                        order by sequence""")
                .param("journal", journalId)
                .query((rs, n) -> row(rs))
                .list();
    }

    /**
     * How many of each journal's events are parked or wait: those {@link #waiting} lists (rows from before records
     * were kept, and unreadable ones, hold nothing back).
     */
    Map<UUID, Integer> counts(Collection<UUID> journalIds) {
        Map<UUID, Integer> counts = new HashMap<>();
        jdbc.sql(countsOf("journal_id in (:ids)")).param("ids", journalIds).query(rs -> {
            counts.put(rs.getObject(1, UUID.class), rs.getInt(2));
        });
        return counts;
    }

    /**
     * The statement behind {@link #counts}, for the journals the condition picks (e.g. {@code journal_id = any(?)}):
     * rows of (journal id, count), none for a journal nothing holds back. Shared so that the positions' lock can
     * send it in the same command as the lock, by the one rule.
     */
    static String countsOf(String journals) {
        return """
                select journal_id, count(*) from dead_letter
                where %s and %s and sequence is not null and record_value is not null
                group by journal_id""".formatted(journals, NOT_APPLIED);
    }

    int count(UUID journalId) {
        return counts(List.of(journalId)).getOrDefault(journalId, 0);
    }

    /** Rows in the status now, whichever instance stored them. */
    public long count(Status status) {
        return jdbc.sql("select count(*) from dead_letter where status = :status")
                .param("status", status.name())
                .query(Long.class)
                .single();
    }

    /** For operators, newest first; by status if given. Coordinates and reasons, never the record. */
    public List<DeadLetterView> list(String status, int limit) {
        return jdbc.sql(LISTED
                        + " where (cast(:status as text) is null or status = :status) order by id desc limit :limit")
                .param("status", status)
                .param("limit", limit)
                .query((rs, n) -> view(rs))
                .list();
    }

    public Optional<DeadLetterView> view(long id) {
        return jdbc.sql(LISTED + " where id = :id")
                .param("id", id)
                .query((rs, n) -> view(rs))
                .optional();
    }

    public Optional<Row> find(long id) {
        return jdbc.sql("""
                        select id, journal_id, sequence, status, topic, partition, "offset", record_key, record_value,
                               record_headers::text
                        from dead_letter where id = :id""").param("id", id).query((rs, n) -> row(rs)).optional();
    }

    /** @return false if the row was resolved already (e.g. by a concurrent release) */
    public boolean resolve(long id, Status status, Instant now) {
        return jdbc.sql("""
                        update dead_letter set status = :status, resolved_at = :at
                        where id = :id and status in ('PARKED', 'WAITING_BEHIND', 'WAITING_FOR_GAP')""")
                        .param("status", status.name())
                        .param("at", Timestamp.from(now))
                        .param("id", id)
                        .update()
                == 1;
    }

    public void skip(long id, String reason, String operator, Instant now) {
        jdbc.sql("""
                        update dead_letter set status = 'SKIPPED', skip_reason = :reason, resolved_by = :by,
                               resolved_at = :at
                        where id = :id""")
                .param("reason", reason)
                .param("by", operator)
                .param("at", Timestamp.from(now))
                .param("id", id)
                .update();
    }

    /** The row at fault becomes the parked one; the journal's later waiting rows now wait behind it. */
    void park(long id, UUID journalId, long sequence, String reason) {
        jdbc.sql("update dead_letter set status = 'PARKED', reason = :reason where id = :id")
                .param("reason", reason)
                .param("id", id)
                .update();
        behind(journalId, sequence);
    }

    /** The waiting copy of the sequence becomes the parked one; later ones wait behind it. */
    void parkWaiting(UUID journalId, long sequence, String reason) {
        jdbc.sql("""
                        update dead_letter set status = 'PARKED', reason = :reason
                        where journal_id = :journal and sequence = :sequence
                          and status in ('WAITING_BEHIND', 'WAITING_FOR_GAP')""")
                .param("reason", reason)
                .param("journal", journalId)
                .param("sequence", sequence)
                .update();
        behind(journalId, sequence);
    }

    void behind(UUID journalId, long sequence) {
        jdbc.sql("""
                        update dead_letter set status = 'WAITING_BEHIND'
                        where journal_id = :journal and sequence > :sequence and status = 'WAITING_FOR_GAP'""").param("journal", journalId).param("sequence", sequence).update();
    }

    /** What waits no longer waits for an event at fault, only for its turn or a missing one. */
    void unblock(UUID journalId) {
        jdbc.sql("""
                        update dead_letter set status = 'WAITING_FOR_GAP'
                        where journal_id = :journal and status = 'WAITING_BEHIND'""").param("journal", journalId).update();
    }

    /** Erasure: the records hold the person's own words. */
    void purge(UUID journalId) {
        jdbc.sql("delete from dead_letter where journal_id = :journal")
                .param("journal", journalId)
                .update();
    }

    private static Row row(ResultSet rs) throws SQLException {
        long sequence = rs.getLong(3);
        Long seq = rs.wasNull() ? null : sequence;
        String topic = rs.getString(5);
        RecordCopy copy = new RecordCopy(
                "direct".equals(topic) ? null : topic,
                rs.getInt(6),
                rs.getLong(7),
                rs.getString(8),
                rs.getBytes(9),
                headers(rs.getString(10)));
        return new Row(rs.getLong(1), rs.getObject(2, UUID.class), seq, Status.valueOf(rs.getString(4)), copy);
    }

    private static DeadLetterView view(ResultSet rs) throws SQLException {
        long sequence = rs.getLong(3);
        Long seq = rs.wasNull() ? null : sequence;
        return new DeadLetterView(
                rs.getLong(1),
                rs.getObject(2, UUID.class),
                seq,
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getInt(8),
                rs.getLong(9),
                instant(rs, 10),
                instant(rs, 11),
                rs.getString(12),
                rs.getString(13));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private static String headersJson(Map<String, byte[]> headers) {
        Map<String, String> encoded = new LinkedHashMap<>();
        headers.forEach((name, value) ->
                encoded.put(name, value == null ? null : Base64.getEncoder().encodeToString(value)));
        return JSON.writeValueAsString(encoded);
    }

    private static Map<String, byte[]> headers(String json) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        if (json != null) {
            JSON.readTree(json)
                    .properties()
                    .forEach(e -> headers.put(
                            e.getKey(),
                            e.getValue().isNull()
                                    ? null
                                    : Base64.getDecoder().decode(e.getValue().asString())));
        }
        return headers;
    }
}
