package app.rekindle.query.journals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JournalsQuery {

    private static final String SELECT = """
            select j.journal_id, j.partner_name, j.intention, j.timezone, j.status, j.closure_outcome, j.closure_note,
                   j.closed_at, j.opened_at, p.last_sequence, p.stale, j.entry_count, j.last_entry_at,
                   (select count(*) from step_progress s
                     where s.journal_id = j.journal_id and s.status = 'COMPLETED') as steps_completed,
                   (select coalesce(string_agg(s.step, ',' order by s.number), '') from step_progress s
                     where s.journal_id = j.journal_id and s.status = 'IN_PROGRESS') as in_progress
            from journal_view j join journal_position p on p.journal_id = j.journal_id
            where j.owner_id = :owner and not p.erased
            """;

    private final JdbcClient jdbc;

    JournalsQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<JournalSummary> ownedBy(String owner) {
        return jdbc.sql(SELECT + " order by j.opened_at desc, j.journal_id")
                .param("owner", owner)
                .query(JournalsQuery::summary)
                .list();
    }

    Optional<JournalSummary> one(String owner, UUID journalId) {
        return jdbc.sql(SELECT + " and j.journal_id = :id")
                .param("owner", owner)
                .param("id", journalId)
                .query(JournalsQuery::summary)
                .optional();
    }

    private static JournalSummary summary(ResultSet rs, int row) throws SQLException {
        String outcome = rs.getString("closure_outcome");
        String inProgress = rs.getString("in_progress");
        return new JournalSummary(
                rs.getObject("journal_id", UUID.class),
                rs.getString("partner_name"),
                rs.getString("intention"),
                rs.getString("timezone"),
                rs.getString("status"),
                outcome == null
                        ? null
                        : new JournalSummary.Closure(outcome, rs.getString("closure_note"), instant(rs, "closed_at")),
                instant(rs, "opened_at"),
                rs.getLong("last_sequence"),
                rs.getBoolean("stale"),
                rs.getInt("entry_count"),
                instant(rs, "last_entry_at"),
                new JournalSummary.Progress(
                        rs.getInt("steps_completed"),
                        inProgress.isEmpty() ? List.of() : Arrays.asList(inProgress.split(","))));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
