package app.rekindle.faults;

import static app.rekindle.faults.SharedFaultStack.INTERVAL;
import static app.rekindle.faults.SharedFaultStack.JOURNALS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.rekindle.faults.FaultStack.Service;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The query service is killed (SIGKILL) while it applies a batch: the batch's offsets were not committed, so it
 * is delivered again after the restart, and the positions kept with the views turn the repeats into no-ops. To
 * be sure of a batch in flight, the process is first frozen (SIGSTOP) until a backlog has built up, then thawed
 * and killed as soon as the first of the backlog reaches the views.
 */
@ExtendWith(SharedFaultStack.class)
class QueryServiceKillTest {

    /** Most of one poll's worth (max.poll.records 200), built well within the consumer's session timeout. */
    private static final int BACKLOG = 150;

    private final FaultStack stack = SharedFaultStack.get();

    @Test
    void a_query_service_killed_in_the_middle_of_a_batch_neither_loses_nor_repeats_an_entry() throws Exception {
        try (Load load = Load.start(stack, "fault-query-kill", JOURNALS, INTERVAL);
                Connection views = stack.connect("views")) {
            load.awaitAccepted(20, Duration.ofSeconds(60));
            stack.pause(Service.QUERY);
            long appliedBefore = eventRows(views);
            load.awaitAccepted(BACKLOG, Duration.ofSeconds(40));
            Map<String, Long> backlog = load.lastVersions();

            stack.resume(Service.QUERY);
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(5))
                    .until(() -> eventRows(views) > appliedBefore);
            stack.kill(Service.QUERY);
            boolean midBatch = !Recovery.caughtUp(stack, backlog);

            long restart = System.nanoTime();
            stack.start(Service.QUERY);
            Duration recovery = Recovery.measure(stack, load.lastVersions(), restart, Duration.ofSeconds(120));
            load.stop();
            load.settle();
            Recovery.measure(stack, load.lastVersions(), System.nanoTime(), Duration.ofSeconds(60));

            assertThat(midBatch)
                    .as("killed while the backlog was being applied")
                    .isTrue();
            Ledger.compare("query service SIGKILL mid-batch, restarted", stack, load.journals(), recovery)
                    .print()
                    .assertClean();
        }
    }

    private static long eventRows(Connection views) throws Exception {
        try (ResultSet count = views.createStatement().executeQuery("select count(*) from journal_event")) {
            count.next();
            return count.getLong(1);
        }
    }
}
