package app.rekindle.faults;

import app.rekindle.faults.FaultStack.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static app.rekindle.faults.SharedFaultStack.INTERVAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Both services started while PostgreSQL and Kafka are down, as after a reboot where the database comes up last:
 * neither exits; each says what it is waiting for; readiness tells the truth at every stage; both become ready
 * once the servers are back, and then lose nothing.
 */
@ExtendWith(SharedFaultStack.class)
class StartupWaitTest {

    private static final Duration LOG_WAIT = Duration.ofSeconds(120);

    private final FaultStack stack = SharedFaultStack.get();

    @Test
    void services_started_before_postgres_and_kafka_wait_for_them_and_then_become_ready() throws Exception {
        ServiceLog commandLog = stack.log(Service.COMMAND);
        ServiceLog queryLog = stack.log(Service.QUERY);
        String postgres = "PostgreSQL at localhost:" + stack.postgresPort() + "/rekindle";
        String kafka = "Kafka at " + stack.bootstrapServers();

        stack.terminate(Service.COMMAND);
        stack.stopPostgres();
        // A running query service without its database: alive, but not ready.
        await().atMost(Duration.ofSeconds(90)).until(() -> stack.readiness(Service.QUERY) == 503);
        stack.terminate(Service.QUERY);
        stack.stopKafka();
        int commandMark = commandLog.mark();
        int queryMark = queryLog.mark();

        stack.launch(Service.COMMAND);
        stack.launch(Service.QUERY);
        await().atMost(LOG_WAIT).until(() -> commandLog.since(commandMark).contains("Waiting for " + postgres)
                && queryLog.since(queryMark).contains("Waiting for " + postgres));
        assertThat(stack.readiness(Service.COMMAND)).as("command service while waiting").isEqualTo(-1);

        stack.startPostgres();
        // The command service needs the broker to start; the query service starts without it, not ready.
        await().atMost(LOG_WAIT).until(() -> commandLog.since(commandMark).contains("Waiting for " + kafka));
        await().atMost(LOG_WAIT).until(() -> stack.readiness(Service.QUERY) == 503);
        assertThat(stack.process(Service.COMMAND).isAlive()).isTrue();

        stack.startKafka();
        stack.awaitReady(Service.COMMAND);
        stack.awaitReady(Service.QUERY);

        assertThat(commandLog.since(commandMark)).contains(postgres + " answers").contains(kafka + " answers");
        assertThat(queryLog.since(queryMark)).contains(postgres + " answers").doesNotContain("Waiting for " + kafka);
        try (Load load = Load.start(stack, "startup-wait", 2, INTERVAL)) {
            load.awaitAccepted(20, Duration.ofSeconds(60));
            load.stop();
            load.settle();
            long since = System.nanoTime();
            Duration caughtUp = Recovery.measure(stack, load.lastVersions(), since, Duration.ofSeconds(60));
            Ledger.compare("started before PostgreSQL and Kafka", stack, load.journals(), caughtUp)
                    .print().assertClean();
        }
    }
}
