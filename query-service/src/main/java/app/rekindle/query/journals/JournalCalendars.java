package app.rekindle.query.journals;

import app.rekindle.query.projection.ViewWrites;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Each journal's own time zone, in which its days, weeks and months are counted, and when it was opened. */
@Component
public class JournalCalendars {

    public record Calendar(ZoneId zone, Instant openedAt) {}

    private final JdbcClient jdbc;
    private final ViewWrites writes;
    /** A journal's zone never changes: projections look it up once per journal, not once per entry. */
    private final Cache<UUID, ZoneId> zones =
            Caffeine.newBuilder().maximumSize(10_000).build();

    JournalCalendars(JdbcClient jdbc, ViewWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    /** The journal's zone, for projections: inside a batch the journal may have been opened earlier in it. */
    public ZoneId zone(UUID journalId) {
        return zones.get(journalId, id -> {
            writes.flush();
            return of(id).zone();
        });
    }

    /**
     * A journal opened in the batch being projected: its zone is the event's, so the batch's first entry of it
     * need not flush the queued writes to read the row back (a rebuild's polls are mostly new journals: one
     * flush each cut every JDBC batch of the poll into pieces). Rolled back, the zone is still the journal's.
     */
    void opened(UUID journalId, String timezone) {
        zones.put(journalId, zone(timezone));
    }

    /** For a journal the caller was let read: its row exists. A zone this JVM does not know counts as UTC. */
    public Calendar of(UUID journalId) {
        return jdbc.sql("select timezone, opened_at from journal_view where journal_id = :id")
                .param("id", journalId)
                .query((rs, n) ->
                        new Calendar(zone(rs.getString(1)), rs.getTimestamp(2).toInstant()))
                .single();
    }

    private static ZoneId zone(String timezone) {
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException | NullPointerException e) {
            return ZoneOffset.UTC;
        }
    }
}
