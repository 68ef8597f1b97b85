package app.rekindle.faults;

import static org.awaitility.Awaitility.await;

import app.rekindle.faults.FaultStack.Service;
import app.rekindle.launcher.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.awaitility.core.ConditionTimeoutException;

/**
 * {@code ./rekindle run} as a person runs it: the packaged launcher ({@code rekindle-launcher.jar}, the services'
 * jars in {@code services/} beside it) in a JVM of its own, on one data folder and fixed ports across its restarts.
 * It runs in a process group of its own ({@code setsid}), as a shell gives a command, so that the whole group can
 * be killed as a closed terminal would kill it, without touching this JVM.
 */
final class LauncherRun implements StackEndpoints, AutoCloseable {

    static final String TOPIC = "rekindle.journal-events";
    private static final String READY_LINE = "Rekindle is running";

    private final Path dataDir;
    private final Path log;
    private final Map<String, String> environment;
    private final int commandPort;
    private final int queryPort;
    private final int identityPort;
    private final int postgresPort;
    private final int kafkaPort;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process launcher;

    LauncherRun(Path dataDir) {
        this.dataDir = dataDir;
        this.log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        this.commandPort = Ports.resolve(0, "command");
        this.queryPort = Ports.resolve(0, "query");
        this.identityPort = Ports.resolve(0, "identity");
        this.postgresPort = Ports.resolve(0, "postgres");
        this.kafkaPort = Ports.resolve(0, "kafka");
        // Only what a person might set; everything else as ./rekindle run has it.
        this.environment = Map.of(
                "REKINDLE_DATA_DIR", dataDir.toString(),
                "REKINDLE_COMMAND_PORT", Integer.toString(commandPort),
                "REKINDLE_QUERY_PORT", Integer.toString(queryPort),
                "REKINDLE_IDENTITY_PORT", Integer.toString(identityPort),
                "REKINDLE_DEMO", "true",
                "REKINDLE_POSTGRES_PORT", Integer.toString(postgresPort),
                "REKINDLE_KAFKA_PORT", Integer.toString(kafkaPort),
                "REKINDLE_TOPIC_PARTITIONS", "3",
                "REKINDLE_SERVICE_HEAP", "256m");
    }

    /** Starts the launcher and waits for its banner; the time that took. */
    Duration start(Duration atMost) {
        long started = System.nanoTime();
        int mark = logText().length();
        List<String> command = new ArrayList<>(List.of(
                "setsid",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m"));
        // As ./rekindle run does: Kafka's clients still use sun.misc.Unsafe, which JDK 24+ warns about at length.
        if (Runtime.version().feature() >= 24) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(List.of("-jar", launcherJar().toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            launcher = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the launcher", e);
        }
        Process starting = launcher;
        try {
            await().atMost(atMost).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!starting.isAlive()) {
                    throw new IllegalStateException("The launcher ended with exit code " + starting.exitValue()
                            + " before it was ready:\n" + tail(logText().substring(mark), 60));
                }
                return logText().indexOf(READY_LINE, mark) >= 0;
            });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(
                    "The launcher was not ready after " + atMost.toSeconds() + " s:\n"
                            + tail(logText().substring(mark), 60),
                    e);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static Path launcherJar() {
        Path jar = Path.of(System.getProperty("rekindle.launcherJar", "target/rekindle-launcher.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No launcher jar at " + jar.toAbsolutePath() + " (built by the launcher "
                    + "module, copied here by this module's build)");
        }
        return jar;
    }

    /** The launcher and everything in its process group: the two service JVMs. */
    List<ProcessHandle> processGroup() {
        List<ProcessHandle> group = new ArrayList<>(launcher.descendants().toList());
        group.addFirst(launcher.toHandle());
        return group;
    }

    /** SIGKILL to the launcher's whole process group, as a closed terminal or a killed session delivers it. */
    void killProcessGroup() {
        signal("-KILL -" + launcher.pid());
    }

    /** SIGKILL to the launcher alone, as the OOM killer picks one process. */
    void killLauncherOnly() {
        signal("-KILL " + launcher.pid());
    }

    /**
     * A power cut: SIGKILL, in one call, to the launcher's process group and to PostgreSQL's (the postmaster leads
     * a group of its own, with every backend in it).
     */
    void killEverything() {
        long postmaster = postmaster()
                .orElseThrow(() -> new IllegalStateException("PostgreSQL is not running"))
                .pid();
        signal("-KILL -" + launcher.pid() + " -" + postmaster);
    }

    /** The PostgreSQL process its data folder names, if it is alive. */
    Optional<ProcessHandle> postmaster() {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static void signal(String arguments) {
        try {
            // The shell's built-in kill: a negative number is a process group (dash takes no "--").
            Process kill = new ProcessBuilder("sh", "-c", "kill " + arguments)
                    .inheritIO()
                    .start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill " + arguments + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String logText() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String tail(String text, int lines) {
        String[] all = text.split("\n");
        return String.join("\n", List.of(all).subList(Math.max(0, all.length - lines), all.length));
    }

    @Override
    public URI url(Service service) {
        return URI.create("http://localhost:"
                + switch (service) {
                    case COMMAND -> commandPort;
                    case QUERY -> queryPort;
                    case IDENTITY -> identityPort;
                });
    }

    @Override
    public HttpClient http() {
        return http;
    }

    @Override
    public String bootstrapServers() {
        return "localhost:" + kafkaPort;
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public Connection connect(String schema) throws SQLException {
        // The embedded server's superuser, trusted on loopback (EmbeddedPostgresServer).
        return DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + postgresPort + "/rekindle?currentSchema=" + schema,
                "postgres",
                "postgres");
    }

    /** Whatever still runs: the launcher's group, then a PostgreSQL left behind. */
    @Override
    public void close() {
        if (launcher != null && launcher.isAlive()) {
            List<ProcessHandle> group = processGroup();
            // SIGTERM: the launcher stops the services and PostgreSQL in order.
            launcher.destroy();
            group.forEach(process -> process.onExit()
                    .orTimeout(60, java.util.concurrent.TimeUnit.SECONDS)
                    .exceptionally(timeout -> {
                        process.destroyForcibly();
                        return process;
                    })
                    .join());
        }
        postmaster().ifPresent(leftover -> {
            leftover.destroy();
            leftover.onExit().join();
        });
    }
}
