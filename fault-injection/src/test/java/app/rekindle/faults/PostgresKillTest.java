package app.rekindle.faults;

import static app.rekindle.faults.SharedFaultStack.INTERVAL;
import static app.rekindle.faults.SharedFaultStack.JOURNALS;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PostgreSQL is killed (SIGKILL to the postmaster and every backend) under load, right after a run of
 * acknowledged commands, and started again from its data folder. A command answered 2xx was committed, so crash
 * recovery must bring it back: every acknowledged check-in is in the store, on Kafka and in the views, once.
 * (The embedded server used to run with zonky's default of {@code synchronous_commit=off}, which acknowledges a
 * commit before its write-ahead log is on disk; this test lost the last acknowledged commands under it.)
 */
@ExtendWith(SharedFaultStack.class)
class PostgresKillTest {

    private final FaultStack stack = SharedFaultStack.get();

    @Test
    void postgres_killed_under_load_keeps_every_acknowledged_command_and_no_other() throws Exception {
        try (Load load = Load.start(stack, "fault-pg-kill", JOURNALS, INTERVAL)) {
            load.awaitAccepted(40, Duration.ofSeconds(60));
            stack.servers().killPostgres();
            long restart = System.nanoTime();
            stack.servers().startPostgres();
            Duration recovery = Recovery.measure(stack, load.lastVersions(), restart, Duration.ofSeconds(120));
            load.awaitAccepted(20, Duration.ofSeconds(90));
            load.stop();
            load.settle();
            Recovery.measure(stack, load.lastVersions(), System.nanoTime(), Duration.ofSeconds(60));

            Ledger.compare("PostgreSQL SIGKILL, restarted", stack, load.journals(), recovery)
                    .print()
                    .assertClean();
        }
    }
}
