package app.rekindle.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A service running as a child JVM. Its output goes to the launcher's, each line tagged with the
 * service's name so the two interleaved logs stay readable. Its standard input is a pipe this process holds open
 * and never writes to: when this process ends, however it ends, the service reads end-of-file and stops
 * ({@code EndWithLauncher} in service-support), so no service outlives its launcher.
 */
public final class ServiceProcess {

    /** Tells the service to stop once its standard input closes. */
    static final String LIFELINE_VARIABLE = "REKINDLE_EXIT_WHEN_STDIN_CLOSES";

    private final String name;
    private final Process process;
    // Kept open, and reachable, for as long as this process lives: its closing is the service's signal to stop.
    private final OutputStream lifeline;

    private ServiceProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        this.lifeline = process.getOutputStream();
    }

    public static ServiceProcess start(
            String name, Path jar, String heap, Map<String, String> environment, PrintStream out) {
        // The JVM running the launcher is known to be recent enough for the services too.
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder =
                new ProcessBuilder(List.of(java, "-Xmx" + heap, "-jar", jar.toString())).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().put(LIFELINE_VARIABLE, "true");
        try {
            ServiceProcess service = new ServiceProcess(name, builder.start());
            service.forwardOutputTo(out);
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the " + name + " service from " + jar, e);
        }
    }

    private void forwardOutputTo(PrintStream out) {
        String prefix = "[" + name + "] ";
        Thread.ofPlatform().daemon().name(name + "-output").start(() -> {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(line -> out.println(prefix + line));
            } catch (IOException | UncheckedIOException closed) {
                // The process is gone; so is its output.
            }
        });
    }

    public String name() {
        return name;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int exitValue() {
        return process.exitValue();
    }

    /** Waits up to {@code timeout} for the process to end; true if it did. */
    public boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public CompletableFuture<ServiceProcess> onExit() {
        return process.onExit().thenApply(ended -> this);
    }

    /**
     * Asks the service to shut down gracefully (SIGTERM), the way a container runtime would. Through the process
     * handle: {@code Process.destroy()} also closes our end of the service's output, so everything it logs while
     * shutting down (graceful shutdown, last commits) would be lost to a broken pipe.
     */
    public void requestStop() {
        process.toHandle().destroy();
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL, as the OOM killer or a lost node would end it: no shutdown hook runs, nothing is flushed. */
    public void kill() {
        try {
            process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void stop(Duration grace) {
        requestStop();
        try {
            if (!awaitExit(grace)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
