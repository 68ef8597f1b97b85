package app.rekindle.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * {@code ./rekindle run} killed under load and run again on the same data folder, with nobody cleaning up in
 * between: it must start by itself, and every command it acknowledged before the kill must be in the store, on
 * the topic and in the views, once. The launcher runs as a person runs it (its packaged jar, its own process
 * group: {@link LauncherRun}); the load is the suite's ledger of acknowledged check-ins ({@link Load}), which keeps
 * sending while the stack is down, each unanswered check-in again with its Idempotency-Key.
 */
class LauncherKillTest {

    private static final int JOURNALS = 4;
    private static final Duration INTERVAL = Duration.ofMillis(200);
    // An upper bound, not an expectation: two service JVMs and the broker start side by side, and on a busy
    // two-core machine that has taken over 150 s. The time each start took is printed.
    private static final Duration START_TIMEOUT = Duration.ofSeconds(300);

    private Path base;
    private LauncherRun run;

    @BeforeEach
    void freshDataFolder() throws Exception {
        base = Files.createTempDirectory("rekindle-launcher-kill-");
        run = new LauncherRun(base.resolve("data"));
        Duration first = run.start(START_TIMEOUT);
        System.out.printf("./rekindle run on a fresh data folder: ready after %.1f s%n", first.toMillis() / 1000.0);
    }

    @AfterEach
    void stopWhateverRuns() throws Exception {
        run.close();
        FileSystemUtils.deleteRecursively(base);
    }

    @AfterAll
    static void printTheTable() {
        FaultReport.printAll();
    }

    @Test
    void the_launchers_process_group_killed_under_load_starts_again_by_itself_and_keeps_every_acknowledged_command()
            throws Exception {
        try (Load load = Load.start(run, "launcher-group-kill", JOURNALS, INTERVAL)) {
            load.awaitAccepted(40, Duration.ofSeconds(60));
            List<ProcessHandle> group = run.processGroup();
            long postmaster = run.postmaster().orElseThrow().pid();

            run.killProcessGroup();
            long killed = System.nanoTime();
            Map<String, Long> acknowledged = load.lastVersions();
            awaitAllGone(group);
            // What made a second ./rekindle run fail before: PostgreSQL is in a session of its own and lives on.
            assertThat(run.postmaster().map(ProcessHandle::pid))
                    .as("PostgreSQL outlives the group")
                    .contains(postmaster);

            Duration restart = run.start(START_TIMEOUT);
            assertThat(run.logText()).contains("PostgreSQL (process " + postmaster + ") is still running from");
            assertThat(run.postmaster().map(ProcessHandle::pid)).isPresent().isNotEqualTo(Optional.of(postmaster));

            check("launcher process group SIGKILL, ./rekindle run again", load, acknowledged, killed, restart);
        }
    }

    @Test
    void a_power_cut_under_load_postgres_included_starts_again_by_itself_and_keeps_every_acknowledged_command()
            throws Exception {
        try (Load load = Load.start(run, "launcher-power-cut", JOURNALS, INTERVAL)) {
            load.awaitAccepted(40, Duration.ofSeconds(60));
            List<ProcessHandle> everything = run.processGroup();
            everything.add(run.postmaster().orElseThrow());

            run.killEverything();
            long killed = System.nanoTime();
            Map<String, Long> acknowledged = load.lastVersions();
            awaitAllGone(everything);

            Duration restart = run.start(START_TIMEOUT);

            check("power cut: launcher group + PostgreSQL SIGKILL, run again", load, acknowledged, killed, restart);
        }
    }

    @Test
    void the_services_end_by_themselves_when_the_launcher_alone_is_killed_and_the_next_start_needs_no_help()
            throws Exception {
        try (Load load = Load.start(run, "launcher-oom-kill", JOURNALS, INTERVAL)) {
            load.awaitAccepted(40, Duration.ofSeconds(60));
            List<ProcessHandle> group = run.processGroup();
            List<ProcessHandle> services = group.subList(1, group.size());
            assertThat(services).as("the two service JVMs").hasSizeGreaterThanOrEqualTo(2);

            run.killLauncherOnly();
            long killed = System.nanoTime();
            Map<String, Long> acknowledged = load.lastVersions();
            // Nobody signals them: they notice their launcher's end of the stdin pipe closing (EndWithLauncher).
            awaitAllGone(services);
            System.out.printf(
                    "launcher alone SIGKILL: both services had ended %.1f s later%n",
                    (System.nanoTime() - killed) / 1e9);

            Duration restart = run.start(START_TIMEOUT);

            check("launcher alone SIGKILL (OOM killer), run again", load, acknowledged, killed, restart);
        }
    }

    /** The same checks as every fault test, plus the time from the kill until the views held every command. */
    private void check(String fault, Load load, Map<String, Long> acknowledged, long killed, Duration restart)
            throws Exception {
        Duration recovery = Recovery.measure(run, acknowledged, killed, Duration.ofSeconds(120));
        load.awaitAccepted(20, Duration.ofSeconds(60));
        load.stop();
        load.settle();
        Recovery.measure(run, load.lastVersions(), System.nanoTime(), Duration.ofSeconds(60));

        System.out.printf("%s: the second start took %.1f s%n", fault, restart.toMillis() / 1000.0);
        Ledger.compare(fault, run, load.journals(), recovery).print().assertClean();
    }

    private static void awaitAllGone(List<ProcessHandle> processes) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> processes.stream().noneMatch(ProcessHandle::isAlive));
    }
}
