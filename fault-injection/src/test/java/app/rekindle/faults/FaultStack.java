package app.rekindle.faults;

import app.rekindle.embedded.EmbeddedPostgresServer;
import app.rekindle.embedded.LocalJwtKeys;
import app.rekindle.launcher.IdentityProvider;
import app.rekindle.launcher.LauncherConfig;
import app.rekindle.launcher.Ports;
import app.rekindle.launcher.Readiness;
import app.rekindle.launcher.ServiceCredentials;
import app.rekindle.launcher.ServiceEnvironment;
import app.rekindle.launcher.ServiceJars;
import app.rekindle.launcher.ServiceProcess;
import app.rekindle.launcher.StackAddresses;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The launcher's stack taken apart so that each part can fail on its own: PostgreSQL and the Kafka broker in this
 * JVM ({@link Servers}, each restartable), and both services as child processes (separate JVMs, so that SIGKILL
 * is real) on fixed ports, restartable with the same environment.
 */
final class FaultStack implements StackEndpoints, AutoCloseable {

    enum Service {
        COMMAND,
        QUERY,
        /** Both services trust it; in demo mode, so tests get their people's tokens by name. */
        IDENTITY
    }

    static final String TOPIC = Servers.TOPIC;
    /** The user name whose demo token both services take as an operator's ({@code rekindle.admin.subjects}). */
    static final String OPERATOR = "fault-operator";

    private static final String SERVICE_HEAP = "256m";
    // Two JVMs starting side by side on a small shared machine.
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_GRACE = Duration.ofSeconds(45);

    private final Servers servers;
    private final StackAddresses addresses;
    private final ServiceJars jars = ServiceJars.locate(System.getProperties());
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<Service, ServiceProcess> processes = new EnumMap<>(Service.class);
    private final Map<Service, ServiceLog> logs = new EnumMap<>(Service.class);

    private FaultStack(Servers servers, LocalJwtKeys keys) {
        this.servers = servers;
        EmbeddedPostgresServer postgres = servers.postgres();
        int identityPort = Ports.resolve(0, "identity");
        Path keysDir = keys.privateKeyPem().getParent();
        this.addresses = new StackAddresses(
                Ports.resolve(0, "command"),
                Ports.resolve(0, "query"),
                identityPort,
                postgres.jdbcUrl(Servers.DATABASE, "events"),
                postgres.jdbcUrl(Servers.DATABASE, "views"),
                postgres.jdbcUrl(Servers.DATABASE, "identity"),
                postgres.username(),
                postgres.password(),
                servers.bootstrapServers(),
                TOPIC,
                keys.privateKeyPem(),
                IdentityProvider.local(identityPort, ServiceCredentials.queryClientSecretFile(keysDir)),
                LauncherConfig.LOOPBACK);
        for (Service service : Service.values()) {
            logs.put(service, new ServiceLog(service.name().toLowerCase()));
        }
    }

    /** PostgreSQL and Kafka only; the services are started by {@link #start(Service)}. */
    static FaultStack infrastructure(Path dataDir) {
        LocalJwtKeys keys = LocalJwtKeys.createOrLoad(dataDir.resolve("keys"));
        // The master key that wraps journal keys, and the query service's client secret for fetching them.
        ServiceCredentials.ensure(dataDir.resolve("keys"));
        return new FaultStack(Servers.start(dataDir), keys);
    }

    /** Starts the service's process without waiting for it to be ready. */
    synchronized void launch(Service service) {
        Map<String, String> environment = new HashMap<>(
                switch (service) {
                    case COMMAND -> ServiceEnvironment.command(addresses);
                    case QUERY -> ServiceEnvironment.query(addresses, true);
                    case IDENTITY -> ServiceEnvironment.identity(addresses, true);
                });
        // A demo token's subject is the name with a "demo:" prefix.
        environment.put("REKINDLE_ADMIN_SUBJECTS", "demo:" + OPERATOR);
        ServiceProcess process = ServiceProcess.start(
                service.name().toLowerCase(),
                switch (service) {
                    case COMMAND -> jars.command();
                    case QUERY -> jars.query();
                    case IDENTITY -> jars.identity();
                },
                SERVICE_HEAP,
                environment,
                logs.get(service).stream());
        processes.put(service, process);
    }

    void awaitReady(Service service) {
        Readiness.await(http, url(service), process(service), READY_TIMEOUT);
    }

    void start(Service service) {
        launch(service);
        awaitReady(service);
    }

    /** SIGKILL: no shutdown hook, no last commit, no flush. */
    void kill(Service service) {
        process(service).kill();
    }

    /** SIGSTOP: the process is frozen, sockets open, until {@link #resume}; work queues up meanwhile. */
    void pause(Service service) throws Exception {
        signal(service, "-STOP");
    }

    /** SIGCONT after {@link #pause}. */
    void resume(Service service) throws Exception {
        signal(service, "-CONT");
    }

    private void signal(Service service, String signal) throws Exception {
        // The shell's built-in kill: a minimal image may have no kill binary (procps).
        Process kill = new ProcessBuilder(
                        "sh", "-c", "kill " + signal + " " + process(service).pid())
                .inheritIO()
                .start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill " + signal + " " + service + " failed");
        }
    }

    /** SIGTERM, then waits for the graceful shutdown to end the process. */
    void terminate(Service service) throws InterruptedException {
        ServiceProcess process = process(service);
        process.requestStop();
        if (!process.awaitExit(STOP_GRACE)) {
            throw new IllegalStateException("The " + process.name() + " service did not stop within " + STOP_GRACE);
        }
    }

    synchronized ServiceProcess process(Service service) {
        return processes.get(service);
    }

    ServiceLog log(Service service) {
        return logs.get(service);
    }

    /** PostgreSQL and Kafka, to stop and start again. */
    Servers servers() {
        return servers;
    }

    @Override
    public URI url(Service service) {
        return URI.create("http://localhost:"
                + switch (service) {
                    case COMMAND -> addresses.commandPort();
                    case QUERY -> addresses.queryPort();
                    case IDENTITY -> addresses.identityPort();
                });
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    int postgresPort() {
        return servers.postgresPort();
    }

    @Override
    public String bootstrapServers() {
        return addresses.kafkaBootstrapServers();
    }

    @Override
    public Connection connect(String schema) throws SQLException {
        String url = schema.equals("events") ? addresses.eventsJdbcUrl() : addresses.viewsJdbcUrl();
        return DriverManager.getConnection(url, addresses.databaseUsername(), addresses.databasePassword());
    }

    /** The HTTP status of the service's readiness probe, or -1 when nothing answers on its port. */
    int readiness(Service service) {
        return ReadinessProbe.status(http, url(service));
    }

    @Override
    public HttpClient http() {
        return http;
    }

    /** Services first (they still write while stopping), then Kafka, then PostgreSQL. */
    @Override
    public synchronized void close() {
        processes.values().forEach(ServiceProcess::requestStop);
        processes.values().forEach(process -> process.stop(STOP_GRACE));
        servers.close();
    }
}
