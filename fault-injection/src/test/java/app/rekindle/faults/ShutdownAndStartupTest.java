package app.rekindle.faults;

import static app.rekindle.faults.SharedFaultStack.INTERVAL;
import static app.rekindle.faults.SharedFaultStack.JOURNALS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.rekindle.faults.FaultStack.Service;
import app.rekindle.faults.Outcome.Kind;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A rolling restart gone cold, in one go (each service process starts once): SIGTERM under load to the query
 * service, then to the command service; then both started again while PostgreSQL and Kafka are still down, as
 * after a reboot where the servers come up last. The command service finishes what it took (no 5xx; once it is
 * gone the port simply refuses), the query service commits what it applied (its successor is handed nothing
 * twice), neither exits while waiting, each says what it waits for, readiness tells the truth at every stage,
 * and in the end nothing acknowledged is missing or repeated.
 */
@ExtendWith(SharedFaultStack.class)
class ShutdownAndStartupTest {

    private static final Duration LOG_WAIT = Duration.ofSeconds(120);

    private final FaultStack stack = SharedFaultStack.get();

    @Test
    void services_stopped_under_load_and_started_before_postgres_and_kafka_lose_nothing() throws Exception {
        ServiceLog commandLog = stack.log(Service.COMMAND);
        ServiceLog queryLog = stack.log(Service.QUERY);
        String postgres = "PostgreSQL at localhost:" + stack.postgresPort() + "/rekindle";
        String kafka = "Kafka at " + stack.bootstrapServers();
        try (Load load = Load.start(stack, "shutdown-startup", JOURNALS, INTERVAL)) {
            load.awaitAccepted(30, Duration.ofSeconds(60));
            stack.terminate(Service.QUERY);
            load.awaitAccepted(20, Duration.ofSeconds(60));
            int commandMark = commandLog.mark();
            long terminated = System.nanoTime();
            stack.terminate(Service.COMMAND);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> outcomesAfter(load, terminated).containsKey(Kind.REFUSED));
            load.stop();
            Map<Kind, Long> afterTerm = outcomesAfter(load, terminated);
            System.out.println("Answers from the command service's SIGTERM on: " + afterTerm);
            assertThat(afterTerm).doesNotContainKey(Kind.SERVER_ERROR);
            int terminatedMark = commandMark;
            // The process has ended; its last lines may still be on their way through the pipe.
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> commandLog.since(terminatedMark).contains("Graceful shutdown complete"));

            stack.servers().stopPostgres();
            stack.servers().stopKafka();
            commandMark = commandLog.mark();
            int queryMark = queryLog.mark();
            stack.launch(Service.COMMAND);
            stack.launch(Service.QUERY);
            int command = commandMark;
            await().atMost(LOG_WAIT)
                    .until(() -> commandLog.since(command).contains("Waiting for " + postgres)
                            && queryLog.since(queryMark).contains("Waiting for " + postgres));
            assertThat(stack.readiness(Service.COMMAND))
                    .as("command service while waiting")
                    .isEqualTo(-1);

            stack.servers().startPostgres();
            // The command service needs the broker to start; the query service starts without it, not ready.
            await().atMost(LOG_WAIT).until(() -> commandLog.since(command).contains("Waiting for " + kafka));
            await().atMost(LOG_WAIT).until(() -> stack.readiness(Service.QUERY) == 503);
            assertThat(stack.process(Service.COMMAND).isAlive()).isTrue();

            long restart = System.nanoTime();
            stack.servers().startKafka();
            stack.awaitReady(Service.COMMAND);
            stack.awaitReady(Service.QUERY);
            load.settle();
            Duration recovery = Recovery.measure(stack, load.lastVersions(), restart, Duration.ofSeconds(120));

            assertThat(commandLog.since(command))
                    .contains(postgres + " answers")
                    .contains(kafka + " answers");
            assertThat(queryLog.since(queryMark))
                    .contains(postgres + " answers")
                    .doesNotContain("Waiting for " + kafka);
            // Offsets were committed up to the last record applied: the new process was handed nothing a second time.
            assertThat(Prometheus.sum(stack, Service.QUERY, "rekindle_projection_duplicates_total"))
                    .isZero();
            Ledger.compare("SIGTERM under load, cold start before PG + Kafka", stack, load.journals(), recovery)
                    .print()
                    .assertClean();
        }
    }

    private static Map<Kind, Long> outcomesAfter(Load load, long nanos) {
        return load.outcomes().stream()
                .filter(outcome -> outcome.at() > nanos)
                .collect(Collectors.groupingBy(Outcome::kind, Collectors.counting()));
    }
}
