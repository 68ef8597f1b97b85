package app.rekindle.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.query.QueryServiceTest;
import app.rekindle.query.TestJournal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Locking positions against the real PostgreSQL: created where missing, and what the dead-letter store holds. */
class JournalPositionsTest extends QueryServiceTest {

    private static final Instant NOW = TestJournal.START;

    @Autowired
    JournalPositions positions;

    @Autowired
    HeldEvents held;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ViewWrites writes;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void a_journal_seen_for_the_first_time_gets_a_position_at_minus_one_and_one_seen_before_keeps_its_own() {
        UUID seen = UUID.randomUUID();
        UUID unseen = UUID.randomUUID();
        inTransaction(() -> positions.lock(List.of(seen), NOW));
        jdbc.sql("update journal_position set last_sequence = 4 where journal_id = :id")
                .param("id", seen)
                .update();

        Map<UUID, JournalPositions.Position> locked =
                inTransaction(() -> positions.lock(List.of(unseen, seen, unseen), NOW));

        assertThat(locked).containsOnlyKeys(seen, unseen);
        assertThat(locked.get(unseen).lastSequence).isEqualTo(-1);
        assertThat(locked.get(unseen).held).isZero();
        assertThat(locked.get(seen).lastSequence).isEqualTo(4);
        assertThat(jdbc.sql("select last_sequence from journal_position where journal_id = :id")
                        .param("id", unseen)
                        .query(Long.class)
                        .single())
                .isEqualTo(-1L);
    }

    @Test
    void the_held_count_is_what_the_dead_letter_store_holds_back_of_each_journal() {
        UUID parked = UUID.randomUUID();
        UUID waiting = UUID.randomUUID();
        UUID clear = UUID.randomUUID();
        inTransaction(() -> positions.lock(List.of(parked, waiting, clear), NOW));
        store(parked, 3L, HeldEvents.Status.PARKED);
        store(parked, 4L, HeldEvents.Status.WAITING_BEHIND);
        store(parked, null, HeldEvents.Status.PARKED); // unreadable: holds nothing back
        store(waiting, 2L, HeldEvents.Status.WAITING_FOR_GAP);
        store(clear, 1L, HeldEvents.Status.APPLIED);
        store(clear, 2L, HeldEvents.Status.DUPLICATE);

        Map<UUID, JournalPositions.Position> locked =
                inTransaction(() -> positions.lock(List.of(parked, waiting, clear), NOW));

        assertThat(locked.get(parked).held).isEqualTo(2);
        assertThat(locked.get(waiting).held).isEqualTo(1);
        assertThat(locked.get(clear).held).isZero();
        assertThat(held.counts(List.of(parked, waiting, clear)))
                .containsExactlyInAnyOrderEntriesOf(Map.of(parked, 2, waiting, 1));
        assertThat(inTransaction(() -> positions.lockKnown(parked)).orElseThrow().held)
                .isEqualTo(2);
    }

    @Test
    void only_a_journal_with_a_position_is_locked_by_lock_known_whatever_waits_for_it() {
        UUID unseen = UUID.randomUUID();
        store(unseen, 1L, HeldEvents.Status.WAITING_FOR_GAP);

        Optional<JournalPositions.Position> locked = inTransaction(() -> positions.lockKnown(unseen));

        assertThat(locked).isEmpty();
        assertThat(jdbc.sql("select count(*) from journal_position where journal_id = :id")
                        .param("id", unseen)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void positions_saved_in_a_batch_of_view_writes_are_written_with_the_views_writes_and_only_those_moved() {
        UUID moved = UUID.randomUUID();
        UUID untouched = UUID.randomUUID();
        inTransaction(() -> positions.lock(List.of(moved, untouched), NOW));

        long inTheBatch = inTransaction(() -> writes.batched(() -> {
            Map<UUID, JournalPositions.Position> locked = positions.lock(List.of(moved, untouched), NOW);
            locked.get(moved).lastSequence = 7;
            locked.get(moved).blockedBy = JournalPositions.Block.GAP;
            locked.get(moved).changed = true;
            locked.get(untouched).lastSequence = 9; // not marked changed: not saved
            positions.save(locked, NOW.plusSeconds(60));
            return lastSequence(moved);
        }));

        assertThat(inTheBatch).as("queued until the batch's writes are flushed").isEqualTo(-1);
        assertThat(lastSequence(moved)).isEqualTo(7);
        assertThat(jdbc.sql("select blocked_by from journal_position where journal_id = :id")
                        .param("id", moved)
                        .query(String.class)
                        .single())
                .isEqualTo("GAP");
        assertThat(lastSequence(untouched)).isEqualTo(-1);
    }

    private long lastSequence(UUID journalId) {
        return jdbc.sql("select last_sequence from journal_position where journal_id = :id")
                .param("id", journalId)
                .query(Long.class)
                .single();
    }

    private void store(UUID journalId, Long sequence, HeldEvents.Status status) {
        byte[] value = sequence == null ? null : new byte[] {1};
        long offset = sequence == null ? -2 : sequence;
        RecordCopy copy = new RecordCopy("positions-test", 0, offset, journalId.toString(), value, Map.of());
        assertThat(held.insert(copy, journalId, sequence, status, "test", NOW)).isTrue();
    }

    private <T> T inTransaction(Supplier<T> work) {
        return new TransactionTemplate(transactions).execute(status -> work.get());
    }
}
