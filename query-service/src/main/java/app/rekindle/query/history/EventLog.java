package app.rekindle.query.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads a journal's event log; the API other slices (replay, live, export) build on. */
@Repository
public class EventLog {

    private static final String COLUMNS = """
            select sequence, event_id, type, schema_version, occurred_at, recorded_at, payload::text as payload
            from journal_event
            """;

    private final JdbcClient jdbc;

    EventLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The journal's version at an instant: the last sequence recorded at or before it. The command service
     * stamps events in sequence order, so the events up to that sequence are exactly those recorded by then.
     * A clock set back may stamp an event earlier than the one before it, so recorded_at alone does not rise
     * with the sequence; the recorded floor (the earliest recorded_at from an event onwards) does, and the
     * last event recorded by the instant is the last whose floor is by then: its own recorded_at bounds its
     * floor, and every later event has only later recorded_ats. One probe of the floor index, however far back.
     */
    public OptionalLong sequenceAt(UUID journalId, Instant instant) {
        return jdbc.sql("""
                        select sequence from journal_event where journal_id = :id and recorded_floor <= :at
                        order by recorded_floor desc, sequence desc limit 1""")
                .param("id", journalId)
                .param("at", Timestamp.from(instant))
                .query(Long.class)
                .optional()
                .map(OptionalLong::of)
                .orElse(OptionalLong.empty());
    }

    /** Events with {@code after < sequence <= upTo}, in order. */
    public List<LoggedEvent> between(UUID journalId, long after, long upTo) {
        return jdbc.sql(COLUMNS
                        + " where journal_id = :id and sequence > :after and sequence <= :upTo order by sequence")
                .param("id", journalId)
                .param("after", after)
                .param("upTo", upTo)
                .query(EventLog::event)
                .list();
    }

    /** A page of events after a sequence, recorded in [from, until], in order; null bounds are open. */
    public List<LoggedEvent> page(UUID journalId, Instant from, Instant until, long after, int limit) {
        return jdbc.sql(COLUMNS + """
                         where journal_id = :id and sequence > :after
                           and recorded_at >= coalesce(cast(:from as timestamptz), '-infinity')
                           and recorded_at <= coalesce(cast(:until as timestamptz), 'infinity')
                         order by sequence limit :limit""")
                .param("id", journalId)
                .param("after", after)
                .param("from", from == null ? null : Timestamp.from(from))
                .param("until", until == null ? null : Timestamp.from(until))
                .param("limit", limit)
                .query(EventLog::event)
                .list();
    }

    private static LoggedEvent event(ResultSet rs, int row) throws SQLException {
        return new LoggedEvent(
                rs.getLong("sequence"),
                rs.getString("event_id"),
                rs.getString("type"),
                rs.getInt("schema_version"),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getTimestamp("recorded_at").toInstant(),
                rs.getString("payload"));
    }
}
