package app.rekindle.launcher;

import app.rekindle.embedded.LeftoverPostmaster;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * The whole of Rekindle on one machine: PostgreSQL and a Kafka broker in this JVM, the command, query and
 * identity services as child processes wired to them (no identity service when an external provider is
 * configured). What {@code ./rekindle run} starts, and what the end-to-end tests start on random ports.
 */
public final class EmbeddedStack implements AutoCloseable {

    private static final String DEMO_USER = "demo";
    // Three JVMs starting side by side on a small, busy machine take their time: measured up to ~115 s each on two
    // shared cores.
    private static final Duration READINESS_TIMEOUT = Duration.ofSeconds(240);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final LauncherConfig config;
    private final PrintStream out;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    // Set while booting, read by close() on the shutdown hook's thread: guarded by this.
    private LocalInfrastructure infrastructure;
    private ServiceProcess command;
    private ServiceProcess query;
    private ServiceProcess identity;
    private boolean closed;

    private volatile StackAddresses addresses;
    private volatile String demoToken;
    private volatile Duration startupTime;

    EmbeddedStack(LauncherConfig config, PrintStream out) {
        this.config = config;
        this.out = out;
    }

    public static EmbeddedStack start(LauncherConfig config) {
        return start(config, System.out);
    }

    /** Starts the stack with its own and the services' output written to {@code out}. */
    public static EmbeddedStack start(LauncherConfig config, PrintStream out) {
        EmbeddedStack stack = new EmbeddedStack(config, out);
        try {
            stack.boot();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    void boot() {
        long started = System.nanoTime();
        ServiceJars.requireExists("command service", config.jars().command());
        ServiceJars.requireExists("query service", config.jars().query());
        if (config.startsIdentityService()) {
            ServiceJars.requireExists("identity service", config.jars().identity());
        }
        if (config.reachableFromNetwork()) {
            out.println(OpenNetworkWarning.render(config.bindAddress(), config.demo()));
        }
        // A PostgreSQL that a killed run left behind holds the port and the folder: stopped before the port check.
        LeftoverPostmaster.stopIfRunning(LocalInfrastructure.postgresDir(config.dataDir()));
        int commandPort = Ports.resolve(config.commandPort(), "REKINDLE_COMMAND_PORT");
        int queryPort = Ports.resolve(config.queryPort(), "REKINDLE_QUERY_PORT");
        int identityPort =
                config.startsIdentityService() ? Ports.resolve(config.identityPort(), "REKINDLE_IDENTITY_PORT") : 0;
        int postgresPort = postgresPort();
        int kafkaPort = Ports.resolve(config.kafkaPort(), "REKINDLE_KAFKA_PORT");

        out.println("Rekindle: starting PostgreSQL and Kafka, data in " + config.dataDir());
        adopt(LocalInfrastructure.start(
                config.dataDir(), postgresPort, kafkaPort, config.topic(), config.topicPartitions()));
        addresses = infrastructure.addresses(
                commandPort, queryPort, identityPort, config.topic(), config.externalProvider(), config.bindAddress());
        out.printf(
                "Rekindle: PostgreSQL on port %d, Kafka at %s (%s); starting the services%n",
                infrastructure.postgresPort(), infrastructure.kafkaBootstrapServers(), since(started));

        // All at once: each spends most of its start waiting on its own class loading and I/O. Neither resource
        // server needs the provider to start (its keys are fetched on the first request), and the query service
        // retries its key fetches until the provider answers.
        adopt(ServiceProcess.start(
                "command", config.jars().command(), config.serviceHeap(), ServiceEnvironment.command(addresses), out));
        adopt(ServiceProcess.start(
                "query",
                config.jars().query(),
                config.serviceHeap(),
                ServiceEnvironment.query(addresses, config.demo()),
                out));
        if (config.startsIdentityService()) {
            adopt(ServiceProcess.start(
                    "identity",
                    config.jars().identity(),
                    config.serviceHeap(),
                    ServiceEnvironment.identity(addresses, config.demo()),
                    out));
        }
        Readiness.await(http, commandUrl(), command, READINESS_TIMEOUT);
        Readiness.await(http, queryUrl(), query, READINESS_TIMEOUT);
        if (identity != null) {
            Readiness.await(http, identityUrl(), identity, READINESS_TIMEOUT);
        }
        if (config.demo()) {
            demoToken = DemoTokens.issue(http, identityUrl(), DEMO_USER);
        }
        startupTime = Duration.ofNanos(System.nanoTime() - started);
    }

    private int postgresPort() {
        try {
            return Ports.resolve(config.postgresPort(), "REKINDLE_POSTGRES_PORT");
        } catch (IllegalStateException e) {
            throw new IllegalStateException(
                    e.getMessage() + " (not by a PostgreSQL of "
                            + LocalInfrastructure.postgresDir(config.dataDir())
                            + ", which would have been stopped: by another"
                            + " program, which is left alone)",
                    e);
        }
    }

    // A Ctrl-C during the start has already run close(): whatever starts after it is stopped at once.
    private synchronized void adopt(LocalInfrastructure started) {
        if (closed) {
            started.close();
            throw stoppedWhileStarting();
        }
        infrastructure = started;
    }

    private synchronized void adopt(ServiceProcess service) {
        if (closed) {
            service.stop(STOP_GRACE);
            throw stoppedWhileStarting();
        }
        switch (service.name()) {
            case "command" -> command = service;
            case "query" -> query = service;
            default -> identity = service;
        }
    }

    private static IllegalStateException stoppedWhileStarting() {
        return new IllegalStateException("Stopped while starting");
    }

    private static String since(long startedNanos) {
        return String.format("%.1f s", (System.nanoTime() - startedNanos) / 1e9);
    }

    /** The data folder of this stack's PostgreSQL (its {@code postmaster.pid} names the server's process). */
    public Path postgresDir() {
        return LocalInfrastructure.postgresDir(config.dataDir());
    }

    public URI commandUrl() {
        return URI.create("http://localhost:" + addresses.commandPort());
    }

    public URI queryUrl() {
        return URI.create("http://localhost:" + addresses.queryPort());
    }

    /** The identity provider: this run's identity service, or the external one. */
    public URI identityUrl() {
        return identityProvider().issuer();
    }

    /** The provider the services trust, and where the query service gets its token. */
    public IdentityProvider identityProvider() {
        return addresses.provider();
    }

    /** True when this run started the identity service (no external provider). */
    public boolean runsIdentityService() {
        return config.startsIdentityService();
    }

    public boolean demo() {
        return config.demo();
    }

    public URI signUpUrl() {
        return identityUrl().resolve("/signup");
    }

    public URI dashboardUrl() {
        return queryUrl().resolve("/");
    }

    public URI commandSwaggerUrl() {
        return commandUrl().resolve("/swagger-ui.html");
    }

    public URI querySwaggerUrl() {
        return queryUrl().resolve("/swagger-ui.html");
    }

    /** A token for the user "demo", in demo mode only (else null). */
    public String demoToken() {
        return demoToken;
    }

    public Duration startupTime() {
        return startupTime;
    }

    /** Where the run keeps its JWT keys, the master key and the query service's client secret. */
    public Path keysDir() {
        return config.dataDir().resolve("keys");
    }

    public String kafkaBootstrapServers() {
        return addresses.kafkaBootstrapServers();
    }

    public String topic() {
        return addresses.topic();
    }

    public synchronized String jdbcUrl(String schema) {
        return infrastructure.jdbcUrl(schema);
    }

    public String databaseUsername() {
        return addresses.databaseUsername();
    }

    public String databasePassword() {
        return addresses.databasePassword();
    }

    /** Completes when any service process ends; none should, before close(). */
    synchronized CompletableFuture<String> anyServiceExit() {
        return CompletableFuture.anyOf(
                        services().stream().map(ServiceProcess::onExit).toArray(CompletableFuture[]::new))
                .thenApply(ServiceProcess.class::cast)
                .thenApply(ended -> "The " + ended.name() + " service ended with exit code " + ended.exitValue());
    }

    private List<ServiceProcess> services() {
        return Stream.of(command, query, identity).filter(Objects::nonNull).toList();
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** Services first: they still write to Kafka and PostgreSQL while they stop. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (infrastructure == null) {
            return;
        }
        out.println("Rekindle: stopping");
        // All are asked at once, then awaited: graceful shutdowns side by side.
        services().forEach(ServiceProcess::requestStop);
        services().forEach(service -> service.stop(STOP_GRACE));
        infrastructure.close();
        out.println("Rekindle: stopped");
    }
}
