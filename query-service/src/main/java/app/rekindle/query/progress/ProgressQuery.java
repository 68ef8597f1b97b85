package app.rekindle.query.progress;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The progress view as it stands, and as it stood at a past version (from the versions the projection keeps). */
@Repository
public class ProgressQuery {

    private static final String SELECT = """
            select v.step, v.number, v.status, v.started_at, v.completed_at, v.summary, v.reopened_count,
                   v.last_reopen_reason, v.entry_count, v.last_entry_at""";

    private final JdbcClient jdbc;

    ProgressQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<StepProgress> steps(UUID journalId) {
        return jdbc.sql(SELECT + " from step_progress v where journal_id = :id order by number")
                .param("id", journalId)
                .query(ProgressQuery::step)
                .list();
    }

    /** The six steps as they stood at a version: for each, the state it took last at or before it. */
    List<StepProgress> steps(UUID journalId, long asOf) {
        return jdbc.sql(SELECT + """
                         from step_progress s cross join lateral (
                            select * from step_progress_version v
                            where v.journal_id = s.journal_id and v.step = s.step and v.valid_from <= :asOf
                            order by v.valid_from desc limit 1) v
                        where s.journal_id = :id order by v.number""")
                .param("id", journalId)
                .param("asOf", asOf)
                .query(ProgressQuery::step)
                .list();
    }

    private static StepProgress step(ResultSet rs, int row) throws SQLException {
        return new StepProgress(
                rs.getString("step"),
                rs.getInt("number"),
                rs.getString("status"),
                instant(rs, "started_at"),
                instant(rs, "completed_at"),
                rs.getString("summary"),
                rs.getInt("reopened_count"),
                rs.getString("last_reopen_reason"),
                rs.getInt("entry_count"),
                instant(rs, "last_entry_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
