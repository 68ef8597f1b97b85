package app.rekindle.query.deadletter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The operator's reading of the dead-letter store. */
@Repository
class DeadLetterStore {

    private static final String COLUMNS = """
            select id, journal_id, sequence, type, status, reason, topic, partition, "offset", received_at,
                   resolved_at, resolved_by, skip_reason from dead_letter""";

    private final JdbcClient jdbc;

    DeadLetterStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest first; by status if given. */
    List<DeadLetterView> list(String status, int limit) {
        return jdbc.sql(COLUMNS + " where (cast(:status as text) is null or status = :status) order by id desc limit :limit")
                .param("status", status).param("limit", limit).query((rs, n) -> view(rs)).list();
    }

    Optional<DeadLetterView> find(long id) {
        return jdbc.sql(COLUMNS + " where id = :id").param("id", id).query((rs, n) -> view(rs)).optional();
    }

    /** The accepted gap with where its journal stands now. */
    AcceptedGapView accepted(app.rekindle.query.projection.AcceptedGap gap) {
        return jdbc.sql("select last_sequence, held, stale from journal_position where journal_id = :id")
                .param("id", gap.journalId())
                .query((rs, n) -> new AcceptedGapView(gap.journalId(), gap.from(), gap.to(), gap.reason(),
                        gap.acceptedBy(), gap.acceptedAt(), rs.getLong(1), rs.getInt(2), rs.getBoolean(3)))
                .single();
    }

    long count(String status) {
        return jdbc.sql("select count(*) from dead_letter where status = :status").param("status", status)
                .query(Long.class).single();
    }

    private static DeadLetterView view(ResultSet rs) throws SQLException {
        long sequence = rs.getLong(3);
        Long seq = rs.wasNull() ? null : sequence;
        return new DeadLetterView(rs.getLong(1), rs.getObject(2, java.util.UUID.class), seq, rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getLong(9), instant(rs, 10),
                instant(rs, 11), rs.getString(12), rs.getString(13));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
