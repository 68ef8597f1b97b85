package app.rekindle.query.projection;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The last sequence applied per journal. Rows are locked for the length of the projecting transaction, once
 * per journal per batch, always in journal id order so two batches touching the same journals cannot deadlock.
 */
@Repository
class JournalPositions {

    /** Why a journal's events wait in the dead-letter store; stored by name in {@code blocked_by}. */
    enum Block {
        /** behind an event of the journal that could not be applied (parked) */
        POISON,
        /** for a missing event */
        GAP
    }

    /**
     * A journal's position as the batch sees it; the batch changes it in memory and saves it once at the end.
     * {@code held} is counted from the dead-letter store when the position is locked, not kept as a column.
     */
    static final class Position {
        long lastSequence;
        boolean stale;
        boolean erased;
        /** events of the journal parked or waiting in the dead-letter store */
        int held;
        /** why they wait; null if nothing does */
        Block blockedBy;

        int skipped;
        boolean changed;

        Position(long lastSequence, boolean stale, boolean erased, int held, Block blockedBy, int skipped) {
            this.lastSequence = lastSequence;
            this.stale = stale;
            this.erased = erased;
            this.held = held;
            this.blockedBy = blockedBy;
            this.skipped = skipped;
        }

        boolean blockedBy(Block block) {
            return blockedBy == block;
        }

        long expected() {
            return lastSequence + 1;
        }
    }

    /*
     * The lock's statements go as one command: the driver sends them together and waits once, where each was a
     * round trip (a few ms each on a busy machine, most of a small poll's cost). They still run one after the
     * other, each with a snapshot of its own taken when it starts, exactly as when sent one by one:
     *  - Creating and locking stay apart and in this order. Each transaction creates the positions it lacks, then
     *    locks all of its journals' in journal id order (the insert waits only for another transaction's
     *    uncommitted insert of the same journal, which creates in the same order), so two batches over the same
     *    journals wait for each other in one order and cannot deadlock. Locking first and creating only what
     *    was missing would take a new journal's lock after higher ones, out of that order.
     *  - The held count is a statement of its own after the lock, not a subquery of it: a subquery reads with
     *    the lock statement's snapshot, taken before it waited for the lock, so it would miss what the
     *    transaction it waited for parked or released. Started after the lock, the count sees all of that.
     */
    private static final String CREATE = """
            insert into journal_position (journal_id, last_sequence, updated_at)
            select id, -1, ? from unnest(?::uuid[]) as id order by id
            on conflict (journal_id) do nothing""";

    private static final String LOCK = """
            select journal_id, last_sequence, stale, erased, blocked_by, skipped from journal_position
            where journal_id = any(?) order by journal_id for update""";

    private static final String LOCK_AND_COUNT = LOCK + ";\n" + HeldEvents.countsOf("journal_id = any(?)");

    private static final String CREATE_LOCK_AND_COUNT = CREATE + ";\n" + LOCK_AND_COUNT;

    private static final String SAVE = """
            update journal_position set last_sequence = :seq, stale = :stale, erased = :erased,
                   blocked_by = :blocked, skipped = :skipped, updated_at = :now
            where journal_id = :id""";

    /** The key of a journal's position among the batch's follow-up writes: saved once per batch. */
    private record Saved(UUID journalId) {}

    private final JdbcClient jdbc;
    /** For the lock's command of several statements, whose results JdbcClient cannot read one after another. */
    private final JdbcOperations commands;

    private final HeldEvents held;
    private final ViewWrites writes;

    JournalPositions(JdbcClient jdbc, JdbcOperations commands, HeldEvents held, ViewWrites writes) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.held = held;
        this.writes = writes;
    }

    /**
     * Locks the journals' positions, creating them at -1 (nothing applied) for journals not seen before, and counts
     * what the dead-letter store holds back of each: three statements in one command, so one round trip.
     */
    Map<UUID, Position> lock(Collection<UUID> journalIds, Instant now) {
        UUID[] ids = journalIds.stream().distinct().sorted().toArray(UUID[]::new);
        return commands.execute(CREATE_LOCK_AND_COUNT, (PreparedStatement statement) -> {
            Array array = statement.getConnection().createArrayOf("uuid", ids);
            statement.setTimestamp(1, Timestamp.from(now));
            statement.setArray(2, array);
            statement.setArray(3, array);
            statement.setArray(4, array);
            statement.execute(); // the insert's count, then the two selects' rows
            return lockedAndCounted(statement);
        });
    }

    /** Locks a journal's position if the journal was seen; unlike {@link #lock} it creates nothing. */
    Optional<Position> lockKnown(UUID journalId) {
        Map<UUID, Position> locked = commands.execute(LOCK_AND_COUNT, (PreparedStatement statement) -> {
            Array array = statement.getConnection().createArrayOf("uuid", new UUID[] {journalId});
            statement.setArray(1, array);
            statement.setArray(2, array);
            statement.execute();
            return lockedAndCounted(statement);
        });
        return Optional.ofNullable(locked.get(journalId));
    }

    /** Reads the lock's rows, then the counts', from the results after the statement's current one. */
    private static Map<UUID, Position> lockedAndCounted(PreparedStatement statement) throws SQLException {
        Map<UUID, Position> positions = new HashMap<>();
        try (ResultSet rs = nextResultSet(statement)) {
            while (rs.next()) {
                positions.put(
                        rs.getObject(1, UUID.class),
                        new Position(
                                rs.getLong(2),
                                rs.getBoolean(3),
                                rs.getBoolean(4),
                                0,
                                block(rs.getString(5)),
                                rs.getInt(6)));
            }
        }
        try (ResultSet rs = nextResultSet(statement)) {
            while (rs.next()) {
                // none for a journal lockKnown found no position of (whatever the dead-letter store holds of it)
                Position position = positions.get(rs.getObject(1, UUID.class));
                if (position != null) {
                    position.held = rs.getInt(2);
                }
            }
        }
        return positions;
    }

    private static ResultSet nextResultSet(PreparedStatement statement) throws SQLException {
        ResultSet current = statement.getResultSet();
        if (current == null || current.isClosed()) {
            statement.getMoreResults();
        }
        return statement.getResultSet();
    }

    Optional<AcceptedGap> acceptedGap(UUID journalId, long from) {
        return jdbc.sql("""
                        select to_sequence, reason, accepted_by, accepted_at from accepted_gap
                        where journal_id = :id and from_sequence = :from""")
                .param("id", journalId)
                .param("from", from)
                .query((rs, n) -> new AcceptedGap(
                        journalId,
                        from,
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .optional();
    }

    void recordAcceptedGap(AcceptedGap gap) {
        jdbc.sql("""
                        insert into accepted_gap (journal_id, from_sequence, to_sequence, reason, accepted_by,
                                                  accepted_at)
                        values (:id, :from, :to, :reason, :by, :at)""")
                .param("id", gap.journalId())
                .param("from", gap.from())
                .param("to", gap.to())
                .param("reason", gap.reason())
                .param("by", gap.acceptedBy())
                .param("at", Timestamp.from(gap.acceptedAt()))
                .update();
    }

    /**
     * Writes back the positions the batch moved. Inside a batch of view writes ({@link ViewWrites#batched}) they are
     * queued with the views' writes and go in the same round trip as those (one command for a small batch, one JDBC
     * batch of updates for a large one), in the same transaction; outside one, each runs at once.
     */
    void save(Map<UUID, Position> positions, Instant now) {
        Timestamp at = Timestamp.from(now);
        positions.forEach((journalId, position) -> {
            if (position.changed) {
                writes.followUp(
                        new Saved(journalId),
                        SAVE,
                        new MapSqlParameterSource("id", journalId)
                                .addValue("seq", position.lastSequence)
                                .addValue("stale", position.stale)
                                .addValue("erased", position.erased)
                                .addValue(
                                        "blocked",
                                        position.blockedBy == null ? null : position.blockedBy.name(),
                                        Types.VARCHAR)
                                .addValue("skipped", position.skipped)
                                .addValue("now", at));
            }
        });
    }

    /** The journal's gaps up to the sequence are filled. */
    void gapsFilled(UUID journalId, long upTo, Instant now) {
        jdbc.sql("""
                        update projection_gap set filled_at = :now
                        where journal_id = :id and filled_at is null and expected_sequence <= :upTo""")
                .param("id", journalId)
                .param("upTo", upTo)
                .param("now", Timestamp.from(now))
                .update();
    }

    void recordGap(UUID journalId, long expected, long received, Instant now) {
        jdbc.sql("""
                        insert into projection_gap (journal_id, expected_sequence, received_sequence, detected_at)
                        values (:id, :expected, :received, :now)""")
                .param("id", journalId)
                .param("expected", expected)
                .param("received", received)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Where a journal stands, for an operator; its waiting events counted from the dead-letter store. */
    JournalStanding standing(UUID journalId) {
        return jdbc.sql("select last_sequence, stale from journal_position where journal_id = :id")
                .param("id", journalId)
                .query((rs, n) -> new JournalStanding(journalId, rs.getLong(1), 0, rs.getBoolean(2)))
                .single()
                .withHeld(held.count(journalId));
    }

    /** Journals whose events wait for a missing one, the longest-waiting first, unchanged since {@code before}. */
    List<UUID> waitingForGap(Instant before, int limit) {
        return jdbc.sql("""
                        select journal_id from journal_position
                        where blocked_by = 'GAP' and updated_at <= :before order by updated_at limit :limit""")
                .param("before", Timestamp.from(before))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    private static Block block(String name) {
        return name == null ? null : Block.valueOf(name);
    }
}
