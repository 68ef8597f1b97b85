package app.rekindle.faults;

import static app.rekindle.faults.SharedFaultStack.INTERVAL;
import static app.rekindle.faults.SharedFaultStack.JOURNALS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.rekindle.faults.FaultStack.Service;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every record on the topic is delivered twice: the consumer group's offsets are set back to 0, so the query
 * service reads the whole topic again. The views, row for row (counters and revisions included), must not change.
 */
@ExtendWith(SharedFaultStack.class)
class RedeliveryTest {

    private static final List<String> VIEWS = List.of(
            "journal_view",
            "timeline_entry",
            "timeline_entry_revision",
            "step_progress",
            "step_entry",
            "journal_event",
            "journal_position");

    private final FaultStack stack = SharedFaultStack.get();

    @Test
    void every_record_delivered_a_second_time_changes_no_view() throws Exception {
        try (Load load = Load.start(stack, "fault-redelivery", JOURNALS, INTERVAL)) {
            load.awaitAccepted(80, Duration.ofSeconds(60));
            load.stop();
            load.settle();
            Recovery.measure(stack, load.lastVersions(), System.nanoTime(), Duration.ofSeconds(60));
            List<String> journalIds =
                    load.journals().stream().map(JournalStream::journalId).toList();
            List<String> before = digest(journalIds);

            stack.terminate(Service.QUERY);
            ConsumerGroup.rewindToStart(stack);
            long restart = System.nanoTime();
            stack.start(Service.QUERY);
            await().atMost(Duration.ofSeconds(180))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> ConsumerGroup.committedToEnd(stack));
            Duration recovery = Duration.ofNanos(System.nanoTime() - restart);

            assertThat(digest(journalIds))
                    .as("the views after the second delivery")
                    .isEqualTo(before);
            Ledger.compare("every record delivered twice (offsets to 0)", stack, load.journals(), recovery)
                    .print()
                    .assertClean();
        }
    }

    /** Per view table, a digest of the rows of these journals, or "(none)". */
    private List<String> digest(List<String> journalIds) throws Exception {
        List<String> digests = new ArrayList<>();
        try (Connection views = stack.connect("views")) {
            Array ids = views.createArrayOf("uuid", journalIds.toArray());
            for (String table : VIEWS) {
                // updated_at is when a position was last touched, also by an ignored repeat: not view content.
                String row = table.equals("journal_position")
                        ? "(journal_id, last_sequence, stale, erased)::text"
                        : "t::text";
                try (PreparedStatement statement = views.prepareStatement("select count(*), md5(string_agg(" + row
                        + ", '|' order by " + row + ")) from " + table + " t where journal_id = any(?)")) {
                    statement.setArray(1, ids);
                    try (ResultSet result = statement.executeQuery()) {
                        result.next();
                        digests.add(table + ": " + result.getLong(1) + " rows, " + result.getString(2));
                    }
                }
            }
        }
        return digests;
    }
}
