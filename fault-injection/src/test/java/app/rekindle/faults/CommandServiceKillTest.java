package app.rekindle.faults;

import static app.rekindle.faults.SharedFaultStack.INTERVAL;
import static app.rekindle.faults.SharedFaultStack.JOURNALS;
import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.faults.FaultStack.Service;
import app.rekindle.faults.Outcome.Kind;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The command service is killed (SIGKILL) under load and started again. Every command that got a 2xx is in the
 * store and reaches the views; a command whose answer was lost is sent again with its Idempotency-Key and
 * recorded once; nothing is stored that was not acknowledged.
 */
@ExtendWith(SharedFaultStack.class)
class CommandServiceKillTest {

    private final FaultStack stack = SharedFaultStack.get();

    @Test
    void a_command_service_killed_under_load_keeps_every_acknowledged_command_and_no_other() throws Exception {
        try (Load load = Load.start(stack, "fault-command-kill", JOURNALS, INTERVAL)) {
            load.awaitAccepted(40, Duration.ofSeconds(60));
            stack.kill(Service.COMMAND);
            long restart = System.nanoTime();
            stack.start(Service.COMMAND);
            Duration recovery = Recovery.measure(stack, load.lastVersions(), restart, Duration.ofSeconds(120));
            load.awaitAccepted(20, Duration.ofSeconds(60));
            load.stop();
            load.settle();
            Recovery.measure(stack, load.lastVersions(), System.nanoTime(), Duration.ofSeconds(60));

            assertThat(load.outcomes())
                    .as("commands refused while the service was down")
                    .anyMatch(outcome -> outcome.kind() == Kind.REFUSED);
            Ledger.compare("command service SIGKILL, restarted", stack, load.journals(), recovery)
                    .print()
                    .assertClean();
        }
    }
}
