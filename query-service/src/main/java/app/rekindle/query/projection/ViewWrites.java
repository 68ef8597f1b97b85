package app.rekindle.query.projection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BinaryOperator;
import java.util.function.Supplier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.stereotype.Component;

/**
 * The views' writes of a batch of events, sent in a few JDBC batches, or a small batch's as one command, instead
 * of one round trip each. Writes
 * are queued per table and run table after table in the order the tables were first written, each table's
 * in the order queued; a projection's tables therefore must not depend on each other except in that order
 * (a revision is queued after its entry). Recounts and other writes that only need the final state are
 * queued as follow-ups, run once per key after the tables, grouped by statement (in the order each statement
 * was first queued; a statement's follow-ups in the order queued), so they must not depend on each other's
 * rows. A projection that reads its own tables calls
 * {@link #flush()} first. Outside {@link #batched} every write runs at once.
 */
@Component
public class ViewWrites {

    private record Write(String sql, MapSqlParameterSource params) {}

    private static final class Pending {
        final Map<String, List<Write>> tables = new LinkedHashMap<>();
        final Map<Object, Write> followUps = new LinkedHashMap<>();
        final Map<Class<?>, Object> memories = new HashMap<>();
    }

    /**
     * A flush of at most this many writes, of more than one statement, goes as one command: at a steady rate a poll
     * holds a few events, and its dozen statements cost a dozen round trips, each waiting for a core on a busy
     * machine (15 round trips and 3.9 ms of JDBC per poll of 3 check-ins, idle; about 25 ms of the lag's p50 under
     * the benchmark's load). A larger flush (a rebuild, a burst) keeps its JDBC batches, whose multi-row inserts
     * one command of single-row statements could not match.
     */
    static final int PIPELINED_WRITES = 64;

    private final NamedParameterJdbcTemplate jdbc;
    private final ThreadLocal<Pending> pending = new ThreadLocal<>();
    /** The statements are the projections' constants: each parsed once. */
    private final Map<String, ParsedSql> parsedStatements = new ConcurrentHashMap<>();

    ViewWrites(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues a write to the table. */
    public void write(String table, String sql, MapSqlParameterSource params) {
        Pending queued = pending.get();
        if (queued == null) {
            jdbc.update(sql, params);
            return;
        }
        queued.tables.computeIfAbsent(table, t -> new ArrayList<>()).add(new Write(sql, params));
    }

    /** Queues a write that needs running once after the batch's other writes, whichever of them queue it. */
    public void followUp(Object key, String sql, MapSqlParameterSource params) {
        followUp(key, sql, params, (queued, next) -> next);
    }

    /**
     * Like {@link #followUp(Object, String, MapSqlParameterSource)}, folding the parameters of a write already
     * queued under the key with the new ones (e.g. adding up counts), so the key is written once per batch.
     */
    public void followUp(
            Object key, String sql, MapSqlParameterSource params, BinaryOperator<MapSqlParameterSource> merge) {
        Pending queued = pending.get();
        if (queued == null) {
            jdbc.update(sql, params);
            return;
        }
        Write before = queued.followUps.remove(key);
        queued.followUps.put(key, new Write(sql, before == null ? params : merge.apply(before.params(), params)));
    }

    /**
     * What a projection remembers of the batch's events until the batch ends, one of each type (e.g. each journal's
     * last event, to leave out writes that event's own already made needless). It outlives a {@link #flush()}: the
     * writes it remembers have run then, not gone. Outside {@link #batched} a new one each time, as nothing is
     * remembered there.
     */
    public <T> T batchMemory(Class<T> type, Supplier<T> create) {
        Pending queued = pending.get();
        if (queued == null) {
            return create.get();
        }
        return type.cast(queued.memories.computeIfAbsent(type, t -> create.get()));
    }

    /** Runs what is queued, e.g. before reading rows a queued write may change. */
    public void flush() {
        Pending queued = pending.get();
        if (queued == null) {
            return;
        }
        List<List<Write>> runs = new ArrayList<>();
        queued.tables.values().forEach(writes -> runs.addAll(runsOfOneStatement(writes)));
        queued.tables.clear();
        // Follow-ups of different statements write different rows and need only the batch's final state, so
        // each statement's go as one JDBC batch. In the order queued they alternate (one entry's day, totals and
        // recounts, then the next entry's) and went one round trip per few rows: 1,660 of a rebuild poll's 2,620.
        Map<String, List<Write>> byStatement = new LinkedHashMap<>();
        queued.followUps.values().forEach(write -> byStatement
                .computeIfAbsent(write.sql(), sql -> new ArrayList<>())
                .add(write));
        queued.followUps.clear();
        runs.addAll(byStatement.values());
        int writes = runs.stream().mapToInt(List::size).sum();
        if (runs.size() > 1 && writes <= PIPELINED_WRITES) {
            pipelined(runs.stream().flatMap(List::stream).toList());
        } else {
            runs.forEach(this::run);
        }
    }

    /** Runs work with writes queued, and the queue flushed at its end (inside the caller's transaction). */
    <T> T batched(Supplier<T> work) {
        if (pending.get() != null) {
            return work.get();
        }
        pending.set(new Pending());
        try {
            T result = work.get();
            flush();
            return result;
        } finally {
            pending.remove();
        }
    }

    /** A table's writes cut where the statement changes: each piece can go as one JDBC batch. */
    private static List<List<Write>> runsOfOneStatement(List<Write> writes) {
        List<List<Write>> runs = new ArrayList<>();
        int from = 0;
        while (from < writes.size()) {
            String sql = writes.get(from).sql();
            int to = from + 1;
            while (to < writes.size() && writes.get(to).sql().equals(sql)) {
                to++;
            }
            runs.add(writes.subList(from, to));
            from = to;
        }
        return runs;
    }

    /** Writes of one statement as one JDBC batch (inserts rewritten into multi-row ones), one round trip. */
    private void run(List<Write> writes) {
        if (writes.size() == 1) {
            jdbc.update(writes.getFirst().sql(), writes.getFirst().params());
        } else {
            jdbc.batchUpdate(
                    writes.getFirst().sql(), writes.stream().map(Write::params).toArray(MapSqlParameterSource[]::new));
        }
    }

    /**
     * Writes of several statements as one command of semicolon-separated statements, in their order: the driver
     * sends them together and waits once (they run one after the other, each seeing the ones before, as before).
     */
    private void pipelined(List<Write> writes) {
        StringBuilder sql = new StringBuilder();
        List<Object> args = new ArrayList<>();
        for (Write write : writes) {
            ParsedSql parsed = parsedStatements.computeIfAbsent(write.sql(), NamedParameterUtils::parseSqlStatement);
            if (!sql.isEmpty()) {
                sql.append(";\n");
            }
            sql.append(NamedParameterUtils.substituteNamedParameters(parsed, write.params()));
            args.addAll(Arrays.asList(NamedParameterUtils.buildValueArray(parsed, write.params(), null)));
        }
        jdbc.getJdbcOperations().update(sql.toString(), args.toArray());
    }
}
