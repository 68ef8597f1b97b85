package app.rekindle.benchmark.scale;

import app.rekindle.benchmark.Testbed;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The views of the journals a fill does not send to the query service: every row the query service wrote for the
 * witness journal ({@link ScaleJournals#WITNESS}), in every table of schema {@code views} with a {@code journal_id}
 * column, copied once for each cloned journal with the witness's id prefix replaced by the journal's (the rows go
 * through their text form, {@code replace}, and back). The query service's own projection stays the one definition
 * of what an event writes: whatever tables and rows it writes for the witness, the clones get. The cloned journals'
 * events are in the event store with exactly those ids and contents ({@link ScaleJournals}).
 * <p>
 * A later fill clones only what the witness's rows gained or changed since the last snapshot ({@link
 * #snapshotWitness}); a changed row replaces the clone's by primary key. Since the query service only ever
 * applies what reaches the topic, it never sees the cloned journals' events, and none of their rows is written
 * twice.
 */
final class ViewClone {

    /** One table: its columns, its primary key, the tables its foreign keys name. */
    private record Table(String name, List<String> columns, List<String> key, Set<String> references) {}

    private final Testbed bed;
    private final ScaleJournals journals;

    ViewClone(Testbed bed, ScaleJournals journals) {
        this.bed = bed;
        this.journals = journals;
    }

    /** Stores every journal of the fill (id, prefix, cloned or not) in {@code bench.scale_journal}. */
    void register() throws SQLException {
        try (Connection db = bed.connect("bench");
                Statement ddl = db.createStatement()) {
            ddl.execute("create schema if not exists bench");
            ddl.execute("drop table if exists bench.scale_journal, bench.scale_witness_row");
            ddl.execute("create table bench.scale_journal (journal_id uuid primary key, prefix text not null, "
                    + "cloned boolean not null)");
            ddl.execute("create table bench.scale_witness_row (table_name text not null, row_text text not null)");
            db.setAutoCommit(false);
            try (PreparedStatement insert = db.prepareStatement(
                    "insert into bench.scale_journal (journal_id, prefix, cloned) values (?, ?, ?)")) {
                for (int j = 0; j < journals.count(); j++) {
                    insert.setObject(1, journals.id(j));
                    insert.setString(2, ScaleJournals.prefix(journals.id(j)));
                    insert.setBoolean(3, j >= journals.firstCloned());
                    insert.addBatch();
                    if (j % 1_000 == 999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            db.commit();
        }
    }

    /** Remembers the witness's rows as they are, before a fill adds to them. */
    void snapshotWitness() throws SQLException {
        try (Connection db = bed.connect("views")) {
            try (Statement clear = db.createStatement()) {
                clear.execute("truncate bench.scale_witness_row");
            }
            for (Table table : tables(db)) {
                try (PreparedStatement snapshot = db.prepareStatement("insert into bench.scale_witness_row "
                        + "select ?, cast(w as text) from views." + table.name() + " w where w.journal_id = ?")) {
                    snapshot.setString(1, table.name());
                    snapshot.setObject(2, witness());
                    snapshot.executeUpdate();
                }
            }
        }
    }

    /**
     * Copies the witness's new and changed rows to every cloned journal, referenced tables first.
     *
     * @return rows written
     */
    long cloneWitness() throws SQLException {
        long rows = 0;
        try (Connection db = bed.connect("views")) {
            for (Table table : tables(db)) {
                long before =
                        count(db, "select count(*) from bench.scale_witness_row where table_name = ?", table.name());
                long now = count(db, "select count(*) from views." + table.name() + " where journal_id = ?", witness());
                if (now < before) {
                    // The projection deleted rows of the witness: a clone keeps rows by key, so it would keep them.
                    throw new IllegalStateException("The witness journal lost rows of views." + table.name()
                            + " during the fill (" + before + " → " + now + "); its clones cannot follow");
                }
                try (PreparedStatement clone = db.prepareStatement(cloneStatement(table))) {
                    clone.setString(1, ScaleJournals.prefix(witness()));
                    clone.setObject(2, witness());
                    clone.setString(3, table.name());
                    rows += clone.executeUpdate();
                }
            }
        }
        return rows;
    }

    /**
     * Checks that the views hold every event of every fill journal: its position, its version and its entries
     * where the journal's events end ({@code eventsPerJournal} for the witness and the cloned journals, {@code
     * eventsPerLiveJournal} for the live part). Returns the journals that do not.
     */
    long journalsBehind(int eventsPerJournal, int eventsPerLiveJournal) throws SQLException {
        try (Connection db = bed.connect("views");
                PreparedStatement check = db.prepareStatement("""
                        select count(*) from bench.scale_journal s
                        cross join lateral (select case when s.cloned or s.journal_id = ? then ? else ? end - 1 as last) e
                        left join views.journal_position p on p.journal_id = s.journal_id
                        left join views.journal_view v on v.journal_id = s.journal_id
                        where s.journal_id <> ? and (p.last_sequence is distinct from e.last or p.stale
                            or v.version is distinct from e.last or v.entry_count is distinct from e.last)""")) {
            check.setObject(1, witness());
            check.setInt(2, eventsPerJournal);
            check.setInt(3, eventsPerLiveJournal);
            check.setObject(4, journals.timelineJournal());
            try (ResultSet rs = check.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private UUID witness() {
        return journals.id(ScaleJournals.WITNESS);
    }

    private static String cloneStatement(Table table) {
        String columns = String.join(", ", table.columns());
        // Offset 0 keeps the subquery whole, so each row is replaced and parsed once, not once per column.
        String clone = "insert into views." + table.name() + " (" + columns + ")\n"
                + "select (c.r).* from (\n"
                + "    select cast(replace(cast(w as text), ?, s.prefix) as views." + table.name() + ") as r\n"
                + "    from views." + table.name() + " w cross join bench.scale_journal s\n"
                + "    where w.journal_id = ? and s.cloned\n"
                + "      and cast(w as text) not in (select row_text from bench.scale_witness_row where table_name = ?)\n"
                + "    offset 0) c";
        if (table.key().isEmpty()) {
            return clone;
        }
        List<String> rest = table.columns().stream()
                .filter(column -> !table.key().contains(column))
                .toList();
        return clone + "\non conflict (" + String.join(", ", table.key()) + ") do "
                + (rest.isEmpty()
                        ? "nothing"
                        : "update set "
                                + rest.stream()
                                        .map(column -> column + " = excluded." + column)
                                        .collect(Collectors.joining(", ")));
    }

    private static long count(Connection db, String sql, Object parameter) throws SQLException {
        try (PreparedStatement count = db.prepareStatement(sql)) {
            count.setObject(1, parameter);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The tables of schema views with a journal_id column, each after the tables it references. */
    private static List<Table> tables(Connection db) throws SQLException {
        Map<String, Table> found = new LinkedHashMap<>();
        try (Statement statement = db.createStatement();
                ResultSet rs = statement.executeQuery("""
                        select c.relname,
                               array(select quote_ident(a.attname) from pg_attribute a
                                     where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
                                     order by a.attnum),
                               array(select quote_ident(a.attname) from pg_index i
                                     join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
                                     where i.indrelid = c.oid and i.indisprimary),
                               array(select r.relname from pg_constraint f join pg_class r on r.oid = f.confrelid
                                     where f.conrelid = c.oid and f.contype = 'f')
                        from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = 'views' and c.relkind = 'r'
                          and exists (select 1 from pg_attribute a where a.attrelid = c.oid
                                      and a.attname = 'journal_id' and not a.attisdropped)
                        order by c.relname""")) {
            while (rs.next()) {
                String name = rs.getString(1);
                found.put(
                        name,
                        new Table(
                                name,
                                List.of((String[]) rs.getArray(2).getArray()),
                                List.of((String[]) rs.getArray(3).getArray()),
                                new LinkedHashSet<>(
                                        List.of((String[]) rs.getArray(4).getArray()))));
            }
        }
        List<Table> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (ordered.size() < found.size()) {
            int before = ordered.size();
            for (Table table : found.values()) {
                if (!placed.contains(table.name())
                        && table.references().stream()
                                .allMatch(r -> placed.contains(r) || r.equals(table.name()) || !found.containsKey(r))) {
                    ordered.add(table);
                    placed.add(table.name());
                }
            }
            if (ordered.size() == before) {
                throw new IllegalStateException("Foreign keys in a cycle among " + found.keySet());
            }
        }
        return ordered;
    }
}
