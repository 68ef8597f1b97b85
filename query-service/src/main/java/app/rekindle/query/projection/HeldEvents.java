package app.rekindle.query.projection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The dead-letter store's rows for events that are parked or wait, with the record they came in. Free text may
 * be in the record, so it is never logged and goes when the journal is erased.
 */
@Repository
public class HeldEvents {

    public enum Status { PARKED, WAITING_BEHIND, WAITING_FOR_GAP, APPLIED, DUPLICATE, SKIPPED }

    /** A held row with what is needed to apply it again. */
    public record Row(long id, UUID journalId, Long sequence, Status status, RecordCopy copy) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    HeldEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a record; a second copy of a sequence number that already waits is not stored again. */
    public boolean insert(RecordCopy copy, UUID journalId, Long sequence, String type, Status status, String reason,
                       Instant now) {
        return jdbc.sql("""
                        insert into dead_letter (topic, partition, "offset", journal_id, sequence, type, reason,
                                                 received_at, status, record_key, record_value, record_headers)
                        values (:topic, :partition, :offset, :journal, :sequence, :type, :reason, :at, :status,
                                :key, :value, cast(:headers as jsonb))
                        on conflict do nothing""")
                .param("topic", copy.topic() == null ? "direct" : copy.topic()).param("partition", copy.partition())
                .param("offset", copy.offset()).param("journal", journalId).param("sequence", sequence)
                .param("type", type).param("reason", reason).param("at", Timestamp.from(now))
                .param("status", status.name()).param("key", copy.key()).param("value", copy.value())
                .param("headers", headersJson(copy.headers())).update() == 1;
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
                .param("journal", journalId).query((rs, n) -> row(rs)).list();
    }

    public java.util.Optional<Row> find(long id) {
        return jdbc.sql("""
                        select id, journal_id, sequence, status, topic, partition, "offset", record_key, record_value,
                               record_headers::text
                        from dead_letter where id = :id""")
                .param("id", id).query((rs, n) -> row(rs)).optional();
    }

    /** @return false if the row was resolved already (e.g. by a concurrent release) */
    public boolean resolve(long id, Status status, Instant now) {
        return jdbc.sql("""
                        update dead_letter set status = :status, resolved_at = :at
                        where id = :id and status in ('PARKED', 'WAITING_BEHIND', 'WAITING_FOR_GAP')""")
                .param("status", status.name()).param("at", Timestamp.from(now)).param("id", id).update() == 1;
    }

    public void skip(long id, String reason, String operator, Instant now) {
        jdbc.sql("""
                        update dead_letter set status = 'SKIPPED', skip_reason = :reason, resolved_by = :by,
                               resolved_at = :at
                        where id = :id""")
                .param("reason", reason).param("by", operator).param("at", Timestamp.from(now)).param("id", id).update();
    }

    /** The row at fault becomes the parked one; the journal's later waiting rows now wait behind it. */
    void park(long id, UUID journalId, long sequence, String reason) {
        jdbc.sql("update dead_letter set status = 'PARKED', reason = :reason where id = :id")
                .param("reason", reason).param("id", id).update();
        behind(journalId, sequence);
    }

    /** The waiting copy of the sequence becomes the parked one; later ones wait behind it. */
    void parkWaiting(UUID journalId, long sequence, String reason) {
        jdbc.sql("""
                        update dead_letter set status = 'PARKED', reason = :reason
                        where journal_id = :journal and sequence = :sequence
                          and status in ('WAITING_BEHIND', 'WAITING_FOR_GAP')""")
                .param("reason", reason).param("journal", journalId).param("sequence", sequence).update();
        behind(journalId, sequence);
        jdbc.sql("update journal_position set blocked_by = 'POISON', stale = true where journal_id = :journal")
                .param("journal", journalId).update();
    }

    void behind(UUID journalId, long sequence) {
        jdbc.sql("""
                        update dead_letter set status = 'WAITING_BEHIND'
                        where journal_id = :journal and sequence > :sequence and status = 'WAITING_FOR_GAP'""")
                .param("journal", journalId).param("sequence", sequence).update();
    }

    /** What waits no longer waits for an event at fault, only for its turn or a missing one. */
    void unblock(UUID journalId) {
        jdbc.sql("""
                        update dead_letter set status = 'WAITING_FOR_GAP'
                        where journal_id = :journal and status = 'WAITING_BEHIND'""")
                .param("journal", journalId).update();
    }

    /** Erasure: the records hold the person's own words. */
    void purge(UUID journalId) {
        jdbc.sql("delete from dead_letter where journal_id = :journal").param("journal", journalId).update();
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        long sequence = rs.getLong(3);
        Long seq = rs.wasNull() ? null : sequence;
        String topic = rs.getString(5);
        RecordCopy copy = new RecordCopy("direct".equals(topic) ? null : topic, rs.getInt(6), rs.getLong(7),
                rs.getString(8), rs.getBytes(9), headers(rs.getString(10)));
        return new Row(rs.getLong(1), rs.getObject(2, UUID.class), seq, Status.valueOf(rs.getString(4)), copy);
    }

    private static String headersJson(Map<String, byte[]> headers) {
        Map<String, String> encoded = new LinkedHashMap<>();
        headers.forEach((name, value) -> encoded.put(name, value == null ? null
                : Base64.getEncoder().encodeToString(value)));
        return JSON.writeValueAsString(encoded);
    }

    private static Map<String, byte[]> headers(String json) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        if (json != null) {
            JSON.readTree(json).properties().forEach(e -> headers.put(e.getKey(),
                    e.getValue().isNull() ? null : Base64.getDecoder().decode(e.getValue().asString())));
        }
        return headers;
    }
}
