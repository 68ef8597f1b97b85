package app.rekindle.query.projection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** The last sequence applied per journal. Rows are locked for the length of the projecting transaction. */
@Repository
class JournalPositions {

    record Position(long lastSequence, boolean stale, boolean erased) {
    }

    private final JdbcClient jdbc;

    JournalPositions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the journal's position, creating it at -1 (nothing applied) for a journal not seen before. */
    Position lock(UUID journalId, Instant now) {
        jdbc.sql("""
                        insert into journal_position (journal_id, last_sequence, updated_at)
                        values (:id, -1, :now) on conflict (journal_id) do nothing""")
                .param("id", journalId).param("now", Timestamp.from(now)).update();
        return jdbc.sql("select last_sequence, stale, erased from journal_position where journal_id = :id for update")
                .param("id", journalId)
                .query((rs, n) -> new Position(rs.getLong(1), rs.getBoolean(2), rs.getBoolean(3)))
                .single();
    }

    void advance(UUID journalId, long sequence, boolean erased, Instant now) {
        jdbc.sql("""
                        update journal_position set last_sequence = :seq, erased = erased or :erased, updated_at = :now
                        where journal_id = :id""")
                .param("id", journalId).param("seq", sequence).param("erased", erased)
                .param("now", Timestamp.from(now)).update();
    }

    void markStale(UUID journalId, Instant now) {
        jdbc.sql("""
                        insert into journal_position (journal_id, last_sequence, stale, updated_at)
                        values (:id, -1, true, :now)
                        on conflict (journal_id) do update set stale = true, updated_at = :now""")
                .param("id", journalId).param("now", Timestamp.from(now)).update();
    }

    void recordGap(UUID journalId, long expected, long received, Instant now) {
        jdbc.sql("""
                        insert into projection_gap (journal_id, expected_sequence, received_sequence, detected_at)
                        values (:id, :expected, :received, :now)""")
                .param("id", journalId).param("expected", expected).param("received", received)
                .param("now", Timestamp.from(now)).update();
    }
}
