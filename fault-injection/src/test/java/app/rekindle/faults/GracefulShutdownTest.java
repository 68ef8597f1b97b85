package app.rekindle.faults;

import app.rekindle.faults.FaultStack.Service;
import app.rekindle.faults.Outcome.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static app.rekindle.faults.SharedFaultStack.INTERVAL;
import static app.rekindle.faults.SharedFaultStack.JOURNALS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SIGTERM under load, as an orchestrator sends it on a rolling update: the command service finishes the commands
 * in flight (none answers 5xx; after it is gone the port simply refuses), the query service commits what it
 * applied, and after a restart nothing is missing or repeated.
 */
@ExtendWith(SharedFaultStack.class)
class GracefulShutdownTest {

    private final FaultStack stack = SharedFaultStack.get();

    @Test
    void a_command_service_stopped_under_load_answers_what_it_took_and_no_5xx() throws Exception {
        try (Load load = Load.start(stack, "shutdown-command", JOURNALS, INTERVAL)) {
            load.awaitAccepted(30, Duration.ofSeconds(60));
            int mark = stack.log(Service.COMMAND).mark();
            long terminated = System.nanoTime();
            stack.terminate(Service.COMMAND);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> after(load, terminated).stream().anyMatch(outcome -> outcome.kind() == Kind.REFUSED));
            Map<Kind, Long> afterTerm = after(load, terminated).stream()
                    .collect(Collectors.groupingBy(Outcome::kind, Collectors.counting()));

            long restart = System.nanoTime();
            stack.start(Service.COMMAND);
            Duration recovery = Recovery.measure(stack, load.lastVersions(), restart, Duration.ofSeconds(120));
            load.awaitAccepted(20, Duration.ofSeconds(60));
            load.stop();
            load.settle();
            Recovery.measure(stack, load.lastVersions(), System.nanoTime(), Duration.ofSeconds(60));

            System.out.println("Answers from SIGTERM until the restart: " + afterTerm);
            assertThat(afterTerm).doesNotContainKey(Kind.SERVER_ERROR);
            assertThat(stack.log(Service.COMMAND).since(mark)).contains("Graceful shutdown complete");
            Ledger.compare("command service SIGTERM under load, restarted", stack, load.journals(), recovery)
                    .print().assertClean();
        }
    }

    @Test
    void a_query_service_stopped_under_load_commits_everything_it_applied() throws Exception {
        try (Load load = Load.start(stack, "shutdown-query", JOURNALS, INTERVAL)) {
            load.awaitAccepted(30, Duration.ofSeconds(60));
            stack.terminate(Service.QUERY);
            load.awaitAccepted(30, Duration.ofSeconds(60));

            long restart = System.nanoTime();
            stack.start(Service.QUERY);
            Duration recovery = Recovery.measure(stack, load.lastVersions(), restart, Duration.ofSeconds(120));
            load.stop();
            load.settle();
            Recovery.measure(stack, load.lastVersions(), System.nanoTime(), Duration.ofSeconds(60));

            // Offsets committed up to the last record applied: the new process is handed nothing a second time.
            assertThat(Prometheus.sum(stack, Service.QUERY, "rekindle_projection_duplicates_total")).isZero();
            Ledger.compare("query service SIGTERM under load, restarted", stack, load.journals(), recovery)
                    .print().assertClean();
        }
    }

    private static List<Outcome> after(Load load, long nanos) {
        return load.outcomes().stream().filter(outcome -> outcome.at() > nanos).toList();
    }
}
