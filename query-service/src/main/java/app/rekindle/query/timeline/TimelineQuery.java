package app.rekindle.query.timeline;

import app.rekindle.query.access.JournalAccess;
import app.rekindle.query.access.ReadGate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Newest first, keyset-paged on (occurred_at, entry_id) so a page costs the same however deep it is and
 * entries added meanwhile neither repeat nor vanish; served by the (journal_id, occurred_at desc,
 * entry_id desc) index.
 */
@Repository
class TimelineQuery {

    private static final String COLUMNS = """
            select entry_id, kind, step, occurred_at, recorded_at, fields::text as fields, revision, retracted,
                   retracted_at, retraction_reason
            from timeline_entry
            """;

    private final JdbcClient jdbc;

    TimelineQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One page of a journal the caller may see, with the journal's version and staleness read in the same
     * statement (so in the same snapshot, in one round trip); empty when the journal is missing, erased or
     * someone else's, and then no entry is read at all. The next cursor is present only when another page exists
     * (one extra row is fetched to know).
     */
    Optional<VisiblePage> visiblePage(UUID journalId, String caller, TimelineFilter filter) {
        StringBuilder entries = new StringBuilder(COLUMNS).append(" where journal_id = :journal");
        Map<String, Object> params = new HashMap<>();
        params.put("journal", journalId);
        params.put("caller", caller);
        if (!filter.includeRetracted()) {
            entries.append(" and not retracted");
        }
        if (filter.step() != null) {
            entries.append(" and step = :step");
            params.put("step", filter.step().slug());
        }
        if (filter.kind() != null) {
            entries.append(" and kind = :kind");
            params.put("kind", filter.kind().name());
        }
        if (filter.from() != null) {
            entries.append(" and occurred_at >= :from");
            params.put("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            entries.append(" and occurred_at < :to");
            params.put("to", Timestamp.from(filter.to()));
        }
        if (filter.q() != null) {
            entries.append(" and strpos(search_text, :q) > 0");
            params.put("q", filter.q());
        }
        if (filter.after() != null) {
            entries.append(" and (occurred_at, entry_id) < (:afterAt, :afterId)");
            params.put("afterAt", Timestamp.from(filter.after().occurredAt()));
            params.put("afterId", filter.after().entryId());
        }
        entries.append(" order by occurred_at desc, entry_id desc limit :limit");
        params.put("limit", filter.limit() + 1);
        // A journal without matching entries still gives one row (the access row, entry columns null).
        String sql = ReadGate.ACCESS_CTE + "select a.version, a.stale, e.* from access a left join lateral ("
                + entries + ") e on true order by e.occurred_at desc, e.entry_id desc";
        List<Row> rows = jdbc.sql(sql).params(params).query(TimelineQuery::row).list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        JournalAccess access = new JournalAccess(journalId, rows.getFirst().version(), rows.getFirst().stale());
        List<TimelineEntry> found = rows.stream().map(Row::entry).filter(Objects::nonNull).toList();
        return Optional.of(new VisiblePage(access, page(found, filter.limit())));
    }

    private static Page page(List<TimelineEntry> rows, int limit) {
        if (rows.size() <= limit) {
            return new Page(rows, null);
        }
        List<TimelineEntry> page = rows.subList(0, limit);
        TimelineEntry last = page.getLast();
        return new Page(List.copyOf(page), new TimelineCursor(last.occurredAt(), last.entryId()).encode());
    }

    Optional<TimelineEntry> entry(UUID journalId, UUID entryId) {
        return jdbc.sql(COLUMNS + " where journal_id = :journal and entry_id = :entry")
                .param("journal", journalId).param("entry", entryId).query(TimelineQuery::entry).optional();
    }

    List<EntryRevision> revisions(UUID entryId) {
        return jdbc.sql("""
                        select revision, sequence, recorded_at, fields::text as fields, changes::text as changes, reason
                        from timeline_entry_revision where entry_id = :entry order by revision""")
                .param("entry", entryId)
                .query((rs, n) -> new EntryRevision(rs.getInt("revision"), rs.getLong("sequence"),
                        instant(rs, "recorded_at"), EntryFields.fromJson(rs.getString("fields")),
                        EntryFields.fromJson(rs.getString("changes")), rs.getString("reason")))
                .list();
    }

    record Page(List<TimelineEntry> entries, String nextCursor) {
    }

    record VisiblePage(JournalAccess access, Page page) {
    }

    /** The access columns of every row, and the entry of the row (null on the row of a page without entries). */
    private record Row(long version, boolean stale, TimelineEntry entry) {
    }

    private static Row row(ResultSet rs, int row) throws SQLException {
        return new Row(rs.getLong("version"), rs.getBoolean("stale"),
                rs.getObject("entry_id") == null ? null : entry(rs, row));
    }

    private static TimelineEntry entry(ResultSet rs, int row) throws SQLException {
        return new TimelineEntry(rs.getObject("entry_id", UUID.class), rs.getString("kind"), rs.getString("step"),
                instant(rs, "occurred_at"), instant(rs, "recorded_at"), EntryFields.fromJson(rs.getString("fields")),
                rs.getInt("revision"), rs.getBoolean("retracted"), instant(rs, "retracted_at"),
                rs.getString("retraction_reason"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
