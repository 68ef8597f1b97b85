package app.rekindle.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A PostgreSQL left running from a data folder by a run that died without stopping it. {@code pg_ctl} starts the
 * postmaster in a session of its own, so killing the launcher's process group (a closed terminal, the OOM killer)
 * leaves it running, holding the port and the folder. Recognised by the folder's {@code postmaster.pid}: its
 * process is alive, is a {@code postgres} binary, and was started with {@code -D} naming this very folder. Only then
 * is it stopped, the way {@code pg_ctl stop -m fast} stops it (SIGINT). A PostgreSQL of any
 * other folder is never touched.
 */
public final class LeftoverPostmaster {

    private static final String PID_FILE = "postmaster.pid";
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final ProcessHandle process;
    private final Path dataDir;

    private LeftoverPostmaster(ProcessHandle process, Path dataDir) {
        this.process = process;
        this.dataDir = dataDir;
    }

    /**
     * Stops the PostgreSQL still running from {@code dataDir}, if there is one, and waits until it is gone. A
     * {@code postmaster.pid} naming a process that is not this folder's PostgreSQL is left for PostgreSQL itself
     * to judge (a dead process) or removed (a live process of another kind or folder, which would make PostgreSQL
     * refuse to start). True if a server was stopped.
     */
    public static boolean stopIfRunning(Path dataDir) {
        Optional<LeftoverPostmaster> leftover = find(dataDir);
        leftover.ifPresent(LeftoverPostmaster::stop);
        return leftover.isPresent();
    }

    static Optional<LeftoverPostmaster> find(Path dataDir) {
        Path pidFile = dataDir.resolve(PID_FILE);
        List<String> lines;
        try {
            lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + pidFile, e);
        }
        if (lines.isEmpty() || !lines.getFirst().trim().matches("[0-9]+")) {
            // Nothing, or a file cut short by the crash: PostgreSQL itself decides what to do with it.
            return Optional.empty();
        }
        Optional<ProcessHandle> process =
                ProcessHandle.of(Long.parseLong(lines.getFirst().trim())).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            // A dead postmaster's file: PostgreSQL finds the process gone and starts anyway.
            return Optional.empty();
        }
        ProcessHandle.Info info = process.get().info();
        if (info.command().isEmpty() || info.arguments().isEmpty()) {
            throw new IllegalStateException("Process " + process.get().pid() + ", named in " + pidFile
                    + ", is running but cannot be identified (another user's?). If it is not a PostgreSQL of "
                    + dataDir + ", remove that file; otherwise stop it.");
        }
        if (isPostgresOf(info, dataDir)) {
            return Optional.of(new LeftoverPostmaster(process.get(), dataDir));
        }
        // The number was reused by an unrelated process after a crash; PostgreSQL would refuse to start
        // ("Is another postmaster running?") although none is. The file describes nothing that exists any more.
        try {
            Files.delete(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not remove the stale " + pidFile, e);
        }
        return Optional.empty();
    }

    private static boolean isPostgresOf(ProcessHandle.Info info, Path dataDir) {
        Path binary = Path.of(info.command().orElseThrow());
        String name = binary.getFileName().toString();
        if (!name.equals("postgres") && !name.equals("postgres.exe")) {
            return false;
        }
        String[] arguments = info.arguments().orElseThrow();
        for (int i = 0; i + 1 < arguments.length; i++) {
            if (arguments[i].equals("-D") && sameFolder(Path.of(arguments[i + 1]), dataDir)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameFolder(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    long pid() {
        return process.pid();
    }

    private void stop() {
        System.err.println("Rekindle: PostgreSQL (process " + process.pid() + ") is still running from " + dataDir
                + ", left behind by a run that ended without stopping it; stopping it first.");
        try {
            if (!signalFastShutdown()) {
                // SIGTERM, a smart shutdown: it waits for the last session to end.
                process.destroy();
            }
            process.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "PostgreSQL (process " + process.pid() + ") left running from " + dataDir
                            + " did not stop within " + STOP_TIMEOUT.toSeconds() + " s; stop it by hand (kill -INT "
                            + process.pid() + ")",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(
                    "Interrupted while stopping the PostgreSQL left running from " + dataDir, e);
        }
    }

    // SIGINT is PostgreSQL's fast shutdown, what pg_ctl stop -m fast sends: open sessions are ended and the server
    // stops cleanly, with a checkpoint. Sent with the shell's kill rather than pg_ctl, which refuses to run as root.
    private boolean signalFastShutdown() throws InterruptedException {
        try {
            return new ProcessBuilder("sh", "-c", "kill -INT " + process.pid())
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .start()
                            .waitFor()
                    == 0;
        } catch (IOException noShell) {
            return false;
        }
    }
}
