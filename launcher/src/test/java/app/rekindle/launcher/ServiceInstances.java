package app.rekindle.launcher;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Several command- and query-service processes on one embedded PostgreSQL and Kafka, as a scaled-out
 * deployment would run them: the command instances share the event store, the query instances share one
 * consumer group, and all trust one identity service. Each process's output is kept, and shown only when something goes wrong.
 */
final class ServiceInstances implements AutoCloseable {

    record Instance(String name, URI url, ServiceProcess process, ByteArrayOutputStream output) {}

    // Four JVMs starting at once on a small, shared machine: generous, since a slow start is not the failure
    // this test looks for.
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);

    private final LocalInfrastructure infrastructure;
    private final StackAddresses addresses;
    private final List<Instance> instances = new ArrayList<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ServiceInstances(LocalInfrastructure infrastructure, StackAddresses addresses) {
        this.infrastructure = infrastructure;
        this.addresses = addresses;
    }

    static ServiceInstances start(Path dataDir, String topic, int partitions) {
        LocalInfrastructure infrastructure = LocalInfrastructure.start(
                dataDir, Ports.resolve(0, "postgres"), Ports.resolve(0, "kafka"), topic, partitions);
        int identityPort = Ports.resolve(0, "identity");
        return new ServiceInstances(
                infrastructure, infrastructure.addresses(0, 0, identityPort, topic, null, LauncherConfig.LOOPBACK));
    }

    /** The one identity service all instances trust, in demo mode so the test gets tokens by name. */
    URI identityUrl() {
        return addresses.provider().issuer();
    }

    /** Starts the identity service and the instances side by side, then waits until every one is ready. */
    List<Instance> launch(int commands, int queries) {
        ServiceJars jars = ServiceJars.locate(System.getProperties());
        List<Instance> started = new ArrayList<>();
        started.add(launch(
                "identity",
                jars.identity(),
                addresses.identityPort(),
                own -> ServiceEnvironment.identity(addresses, true)));
        for (int i = 1; i <= commands; i++) {
            started.add(launch("command-" + i, jars.command(), ServiceEnvironment::command));
        }
        for (int i = 1; i <= queries; i++) {
            // Keys come from the first command instance, the one that keeps running throughout.
            URI keys = commands == 0 ? null : started.get(1).url();
            started.add(launch(
                    "query-" + i, jars.query(), own -> withKeyService(ServiceEnvironment.query(own, true), keys)));
        }
        started.forEach(instance -> Readiness.await(http, instance.url(), instance.process(), READY_TIMEOUT));
        return started.subList(1, started.size());
    }

    private static Map<String, String> withKeyService(Map<String, String> environment, URI commandUrl) {
        if (commandUrl != null) {
            environment.put("REKINDLE_COMMAND_SERVICE_URL", commandUrl.toString());
        }
        return environment;
    }

    private Instance launch(String name, Path jar, Function<StackAddresses, Map<String, String>> environment) {
        return launch(name, jar, Ports.resolve(0, name), environment);
    }

    private Instance launch(
            String name, Path jar, int port, Function<StackAddresses, Map<String, String>> environment) {
        StackAddresses own = new StackAddresses(
                port,
                port,
                addresses.identityPort(),
                addresses.eventsJdbcUrl(),
                addresses.viewsJdbcUrl(),
                addresses.identityJdbcUrl(),
                addresses.databaseUsername(),
                addresses.databasePassword(),
                addresses.kafkaBootstrapServers(),
                addresses.topic(),
                addresses.jwtPrivateKeyPem(),
                addresses.provider(),
                addresses.bindAddress());
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        ServiceProcess process = ServiceProcess.start(
                name, jar, "256m", environment.apply(own), new PrintStream(output, true, StandardCharsets.UTF_8));
        Instance instance = new Instance(name, URI.create("http://localhost:" + port), process, output);
        instances.add(instance);
        return instance;
    }

    /** SIGTERM, as an orchestrator scaling down sends it, then waits for the graceful shutdown to finish. */
    void terminate(Instance instance) throws InterruptedException {
        instance.process().requestStop();
        if (!instance.process().awaitExit(Duration.ofSeconds(30))) {
            throw new IllegalStateException(instance.name() + " did not stop within 30 s of SIGTERM");
        }
    }

    String jdbcUrl(String schema) {
        return infrastructure.jdbcUrl(schema);
    }

    String databaseUsername() {
        return addresses.databaseUsername();
    }

    String databasePassword() {
        return addresses.databasePassword();
    }

    /** The last lines each process wrote, for a failure's report. */
    void printOutputTails(int lines) {
        for (Instance instance : instances) {
            String[] all = instance.output().toString(StandardCharsets.UTF_8).split("\n");
            System.out.println("---- last " + lines + " lines of " + instance.name());
            for (int i = Math.max(0, all.length - lines); i < all.length; i++) {
                System.out.println(all[i]);
            }
        }
    }

    @Override
    public void close() {
        instances.forEach(instance -> instance.process().requestStop());
        instances.forEach(instance -> instance.process().stop(Duration.ofSeconds(20)));
        infrastructure.close();
    }
}
