package app.rekindle.query.progress;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Repository
class ProgressQuery {

    private final JdbcClient jdbc;

    ProgressQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<StepProgress> steps(UUID journalId) {
        return jdbc.sql("""
                        select step, number, status, started_at, completed_at, summary, reopened_count,
                               last_reopen_reason, entry_count, last_entry_at
                        from step_progress where journal_id = :id order by number""")
                .param("id", journalId)
                .query((rs, n) -> new StepProgress(rs.getString("step"), rs.getInt("number"), rs.getString("status"),
                        instant(rs, "started_at"), instant(rs, "completed_at"), rs.getString("summary"),
                        rs.getInt("reopened_count"), rs.getString("last_reopen_reason"), rs.getInt("entry_count"),
                        instant(rs, "last_entry_at")))
                .list();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
