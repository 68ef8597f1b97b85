package app.rekindle.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** How a batch's queued writes reach the database: statements and round trips, not their effect. */
class ViewWritesTest {

    private final NamedParameterJdbcTemplate jdbc = mock(NamedParameterJdbcTemplate.class);
    private final ViewWrites writes = new ViewWrites(jdbc);

    @Test
    void follow_ups_of_one_statement_go_as_one_batch_whatever_was_queued_between_them() {
        MapSqlParameterSource day1 = params("day", 1);
        MapSqlParameterSource total1 = params("total", 1);
        MapSqlParameterSource day2 = params("day", 2);
        MapSqlParameterSource total2 = params("total", 2);

        writes.batched(() -> {
            writes.followUp("day-1", "insert day", day1);
            writes.followUp("total-1", "insert total", total1);
            writes.followUp("day-2", "insert day", day2);
            writes.followUp("total-2", "insert total", total2);
            return null;
        });

        InOrder order = inOrder(jdbc);
        ArgumentCaptor<MapSqlParameterSource[]> days = ArgumentCaptor.forClass(MapSqlParameterSource[].class);
        ArgumentCaptor<MapSqlParameterSource[]> totals = ArgumentCaptor.forClass(MapSqlParameterSource[].class);
        order.verify(jdbc).batchUpdate(eq("insert day"), days.capture());
        order.verify(jdbc).batchUpdate(eq("insert total"), totals.capture());
        verifyNoMoreInteractions(jdbc);
        assertThat(days.getValue()).containsExactly(day1, day2);
        assertThat(totals.getValue()).containsExactly(total1, total2);
    }

    @Test
    void writes_to_a_table_keep_their_order_and_run_before_the_follow_ups() {
        MapSqlParameterSource entry = params("entry", 1);
        MapSqlParameterSource amendment = params("entry", 1);
        MapSqlParameterSource recount = params("journal", 1);

        writes.batched(() -> {
            writes.followUp("recount", "update recount", recount);
            writes.write("timeline_entry", "insert entry", entry);
            writes.write("timeline_entry", "update entry", amendment);
            return null;
        });

        InOrder order = inOrder(jdbc);
        order.verify(jdbc).update("insert entry", entry);
        order.verify(jdbc).update("update entry", amendment);
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
