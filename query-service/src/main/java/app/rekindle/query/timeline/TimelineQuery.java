package app.rekindle.query.timeline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Newest first, keyset-paged on (occurred_at, entry_id) so a page costs the same however deep it is and
 * entries added meanwhile neither repeat nor vanish. The live page reads the current rows (index
 * timeline_entry_page); a page as of a past version reads the same columns from the versions valid then
 * (index timeline_entry_version_page, from that version's occurred ceiling down), through the same filters and
 * paging.
 */
@Repository
class TimelineQuery {

    static final String SELECT = """
            select entry_id, kind, step, occurred_at, recorded_at, fields::text as fields, revision, retracted,
                   retracted_at, retraction_reason
            """;
    static final String COLUMNS = SELECT + " from timeline_entry";

    private final JdbcClient jdbc;

    TimelineQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One page of the journal as it stands, or as it stood at version {@code asOf} when that is not null. The
     * next cursor is present only when another page exists (one extra row is fetched to know).
     */
    Page page(UUID journalId, TimelineFilter filter, Long asOf) {
        StringBuilder sql = new StringBuilder(SELECT);
        Map<String, Object> params = new HashMap<>();
        params.put("journal", journalId);
        if (asOf == null) {
            sql.append(" from timeline_entry where journal_id = :journal");
        } else {
            // No entry valid then had occurred after the ceiling of that version: the newest-first walk starts
            // there, so it skips only versions created later yet older (back-dated, moved), not all later ones.
            sql.append(" from timeline_entry_version where journal_id = :journal and valid_from <= :asOf"
                    + " and (valid_to is null or valid_to > :asOf)"
                    + " and occurred_at <= (select ceiling from timeline_occurred_ceiling"
                    + " where journal_id = :journal and valid_from <= :asOf order by valid_from desc limit 1)");
            params.put("asOf", asOf);
        }
        if (!filter.includeRetracted()) {
            sql.append(" and not retracted");
        }
        if (filter.step() != null) {
            sql.append(" and step = :step");
            params.put("step", filter.step().slug());
        }
        if (filter.kind() != null) {
            sql.append(" and kind = :kind");
            params.put("kind", filter.kind().name());
        }
        if (filter.from() != null) {
            sql.append(" and occurred_at >= :from");
            params.put("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" and occurred_at < :to");
            params.put("to", Timestamp.from(filter.to()));
        }
        if (filter.q() != null) {
            sql.append(" and strpos(search_text, :q) > 0");
            params.put("q", filter.q());
        }
        if (filter.after() != null) {
            sql.append(" and (occurred_at, entry_id) < (:afterAt, :afterId)");
            params.put("afterAt", Timestamp.from(filter.after().occurredAt()));
            params.put("afterId", filter.after().entryId());
        }
        sql.append(" order by occurred_at desc, entry_id desc limit :limit");
        params.put("limit", filter.limit() + 1);
        if (asOf != null) {
            // The walk down timeline_entry_version_page stops after the page. A journal the table's statistics do
            // not know yet (one imported into a large table is too small a share of it to trigger an autoanalyze)
            // is estimated at a few dozen rows, and the planner then reads all of its versions below the ceiling
            // and sorts them: a page of a 20,000-entry journal cost 16 ms against 3.8 ms for a 1,000-entry one in
            // the full benchmark run of 2026-12-05. Without a sort the walk is the only plan. Local to ReadGate's
            // transaction, so no other statement on the connection is planned so (AsOfWalkPlanTest).
            jdbc.sql("select set_config('enable_sort', 'off', true)")
                    .query(String.class)
                    .single();
        }
        List<TimelineEntry> rows = jdbc.sql(sql.toString())
                .params(params)
                .query(TimelineQuery::entry)
                .list();
        if (rows.size() <= filter.limit()) {
            return new Page(rows, null);
        }
        List<TimelineEntry> page = rows.subList(0, filter.limit());
        TimelineEntry last = page.getLast();
        return new Page(List.copyOf(page), new TimelineCursor(last.occurredAt(), last.entryId()).encode());
    }

    Optional<TimelineEntry> entry(UUID journalId, UUID entryId) {
        return jdbc.sql(COLUMNS + " where journal_id = :journal and entry_id = :entry")
                .param("journal", journalId)
                .param("entry", entryId)
                .query(TimelineQuery::entry)
                .optional();
    }

    List<EntryRevision> revisions(UUID journalId, UUID entryId) {
        return jdbc.sql("""
                        select revision, sequence, recorded_at, fields::text as fields, changes::text as changes, reason
                        from timeline_entry_revision where journal_id = :journal and entry_id = :entry
                        order by revision""")
                .param("journal", journalId)
                .param("entry", entryId)
                .query((rs, n) -> new EntryRevision(
                        rs.getInt("revision"),
                        rs.getLong("sequence"),
                        instant(rs, "recorded_at"),
                        EntryFields.fromJson(rs.getString("fields")),
                        EntryFields.fromJson(rs.getString("changes")),
                        rs.getString("reason")))
                .list();
    }

    record Page(List<TimelineEntry> entries, String nextCursor) {}

    static TimelineEntry entry(ResultSet rs, int row) throws SQLException {
        return new TimelineEntry(
                rs.getObject("entry_id", UUID.class),
                rs.getString("kind"),
                rs.getString("step"),
                instant(rs, "occurred_at"),
                instant(rs, "recorded_at"),
                EntryFields.fromJson(rs.getString("fields")),
                rs.getInt("revision"),
                rs.getBoolean("retracted"),
                instant(rs, "retracted_at"),
                rs.getString("retraction_reason"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
