package app.rekindle.query.timeline;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The timeline's current entries for the slices that compute from them (nudges, on-this-day, analytics, export). */
@Component
public class TimelineEntries {

    private final JdbcClient jdbc;

    TimelineEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every entry, retracted ones included, in the order they were logged. */
    public List<TimelineEntry> all(UUID journalId) {
        return jdbc.sql(TimelineQuery.COLUMNS + " where journal_id = :journal order by logged_sequence")
                .param("journal", journalId)
                .query(TimelineQuery::entry)
                .list();
    }

    /** These entries of the journal, in the order they were logged. */
    public List<TimelineEntry> some(UUID journalId, List<UUID> entryIds) {
        if (entryIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(TimelineQuery.COLUMNS + " where journal_id = :journal and entry_id in (:ids)"
                        + " order by logged_sequence")
                .param("journal", journalId)
                .param("ids", entryIds)
                .query(TimelineQuery::entry)
                .list();
    }

    /**
     * The entries a nudge at {@code now} can depend on, in the order they were logged: the last conversation up to
     * now, personal time since {@code since}, and dates still planned for up to now (the rules then decide). Three index range reads
     * (timeline_entry_kind), so the cost follows the window, not the journal's length.
     */
    public List<TimelineEntry> forNudges(UUID journalId, Instant now, Instant since) {
        return jdbc.sql("""
                        select * from (
                            (""" + TimelineQuery.SELECT + """
                             , logged_sequence from timeline_entry where journal_id = :journal and kind = 'CONVERSATION' and not retracted
                               and occurred_at <= :now order by occurred_at desc limit 1)
                            union all
                            (""" + TimelineQuery.SELECT + """
                             , logged_sequence from timeline_entry where journal_id = :journal and kind = 'PERSONAL_TIME' and not retracted
                               and occurred_at >= :since and occurred_at <= :now)
                            union all
                            (""" + TimelineQuery.SELECT + """
                             , logged_sequence from timeline_entry where journal_id = :journal and kind = 'DATE' and not retracted
                               and occurred_at <= :now and fields ->> 'status' = 'PLANNED')) candidates
                        order by logged_sequence""")
                // Stored instants have microseconds: at or before now is at or before now's microsecond.
                .param("journal", journalId)
                .param("now", Timestamp.from(now.truncatedTo(ChronoUnit.MICROS)))
                .param("since", Timestamp.from(since.truncatedTo(ChronoUnit.MICROS)))
                .query(TimelineQuery::entry)
                .list();
    }
}
