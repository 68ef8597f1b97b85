package app.rekindle.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** How a batch's queued writes reach the database: statements and round trips, not their effect. */
class ViewWritesTest {

    private final NamedParameterJdbcTemplate jdbc = mock(NamedParameterJdbcTemplate.class);
    private final JdbcOperations operations = mock(JdbcOperations.class);
    private final ViewWrites writes = new ViewWrites(jdbc);

    @BeforeEach
    void one_command_goes_through_the_plain_template() {
        when(jdbc.getJdbcOperations()).thenReturn(operations);
    }

    @Test
    void a_small_batch_goes_as_one_command_with_the_tables_first_and_each_statements_follow_ups_together() {
        writes.batched(() -> {
            writes.followUp("recount", "update recount set n = :journal", params("journal", 7));
            writes.followUp("day-1", "insert day values (:day)", params("day", 1));
            writes.write("timeline_entry", "insert entry values (:entry)", params("entry", 1));
            writes.followUp("total-1", "insert total values (:total)", params("total", 1));
            writes.write("timeline_entry", "update entry set x = :entry", params("entry", 1));
            writes.followUp("day-2", "insert day values (:day)", params("day", 2));
            writes.followUp("total-2", "insert total values (:total)", params("total", 2));
            return null;
        });

        ArgumentCaptor<Object[]> args = ArgumentCaptor.forClass(Object[].class);
        verify(operations)
                .update(
                        eq(String.join(
                                ";\n",
                                "insert entry values (?)",
                                "update entry set x = ?",
                                "update recount set n = ?",
                                "insert day values (?)",
                                "insert day values (?)",
                                "insert total values (?)",
                                "insert total values (?)")),
                        args.capture());
        verify(jdbc).getJdbcOperations();
        verifyNoMoreInteractions(jdbc, operations);
        assertThat(args.getValue()).containsExactly(1, 1, 7, 1, 2, 1, 2);
    }

    @Test
    void a_large_batch_goes_as_one_jdbc_batch_per_statement_whatever_was_queued_between_them() {
        List<MapSqlParameterSource> days = new ArrayList<>();
        List<MapSqlParameterSource> totals = new ArrayList<>();
        writes.batched(() -> {
            for (int i = 0; i <= ViewWrites.PIPELINED_WRITES / 2; i++) {
                days.add(params("day", i));
                totals.add(params("total", i));
                writes.followUp("day-" + i, "insert day", days.getLast());
                writes.followUp("total-" + i, "insert total", totals.getLast());
            }
            return null;
        });

        InOrder order = inOrder(jdbc);
        ArgumentCaptor<MapSqlParameterSource[]> dayBatch = ArgumentCaptor.forClass(MapSqlParameterSource[].class);
        ArgumentCaptor<MapSqlParameterSource[]> totalBatch = ArgumentCaptor.forClass(MapSqlParameterSource[].class);
        order.verify(jdbc).batchUpdate(eq("insert day"), dayBatch.capture());
        order.verify(jdbc).batchUpdate(eq("insert total"), totalBatch.capture());
        verifyNoMoreInteractions(jdbc);
        assertThat(dayBatch.getValue()).containsExactlyElementsOf(days);
        assertThat(totalBatch.getValue()).containsExactlyElementsOf(totals);
    }

    @Test
    void a_large_batchs_writes_to_a_table_keep_their_order_and_run_before_the_follow_ups() {
        MapSqlParameterSource recount = params("journal", 1);
        List<MapSqlParameterSource> entries = new ArrayList<>();
        writes.batched(() -> {
            writes.followUp("recount", "update recount", recount);
            for (int i = 0; i < ViewWrites.PIPELINED_WRITES; i++) {
                entries.add(params("entry", i));
                writes.write("timeline_entry", "insert entry", entries.getLast());
            }
            writes.write("timeline_entry", "update entry", entries.getFirst());
            return null;
        });

        InOrder order = inOrder(jdbc);
        order.verify(jdbc).batchUpdate(eq("insert entry"), any(MapSqlParameterSource[].class));
        order.verify(jdbc).update("update entry", entries.getFirst());
        order.verify(jdbc).update("update recount", recount);
        verifyNoMoreInteractions(jdbc);
    }

    @Test
    void a_follow_up_queued_twice_under_one_key_runs_once_with_its_folded_parameters() {
        writes.batched(() -> {
            writes.followUp(
                    "total",
                    "insert total",
                    params("value", 2),
                    (queued, next) -> params("value", (int) queued.getValue("value") + (int) next.getValue("value")));
            writes.followUp(
                    "total",
                    "insert total",
                    params("value", 3),
                    (queued, next) -> params("value", (int) queued.getValue("value") + (int) next.getValue("value")));
            return null;
        });

        ArgumentCaptor<MapSqlParameterSource> folded = ArgumentCaptor.forClass(MapSqlParameterSource.class);
        inOrder(jdbc).verify(jdbc).update(eq("insert total"), folded.capture());
        verifyNoMoreInteractions(jdbc);
        assertThat(folded.getValue().getValue("value")).isEqualTo(5);
    }

    @Test
    void a_batch_remembers_across_flushes_and_forgets_at_its_end_and_nothing_is_remembered_outside_one() {
        StringBuilder first = writes.batched(() -> {
            StringBuilder memory = writes.batchMemory(StringBuilder.class, StringBuilder::new);
            memory.append("seen");
            writes.flush();
            assertThat(writes.batchMemory(StringBuilder.class, StringBuilder::new))
                    .isSameAs(memory)
                    .hasToString("seen");
            return memory;
        });
        StringBuilder next = writes.batched(() -> writes.batchMemory(StringBuilder.class, StringBuilder::new));

        assertThat(next).isNotSameAs(first).isEmpty();
        assertThat(writes.batchMemory(StringBuilder.class, StringBuilder::new))
                .isNotSameAs(writes.batchMemory(StringBuilder.class, StringBuilder::new));
    }

    private static MapSqlParameterSource params(String name, int value) {
        return new MapSqlParameterSource(name, value);
    }
}
