package app.rekindle.benchmark.encryption;

import app.rekindle.benchmark.Testbed;
import app.rekindle.launcher.IdentityProvider;
import app.rekindle.launcher.LauncherConfig;
import app.rekindle.launcher.Ports;
import app.rekindle.launcher.Readiness;
import app.rekindle.launcher.ServiceEnvironment;
import app.rekindle.launcher.ServiceJars;
import app.rekindle.launcher.ServiceProcess;
import app.rekindle.launcher.StackAddresses;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A second command-service process from the same jar, on the Testbed's PostgreSQL, Kafka and topic, with the same
 * keys (a Testbed token works on it), but storing free text in plain form ({@code REKINDLE_CRYPTO_ENABLED=false}).
 * Its output goes to the service log as {@code [command-plain]}; closing it stops the process, and so does the
 * end of the JVM if the benchmark is interrupted first.
 */
final class PlainCommandService implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final ServiceProcess process;
    private final URI url;
    private final Thread stopOnExit;

    private PlainCommandService(ServiceProcess process, URI url) {
        this.process = process;
        this.url = url;
        this.stopOnExit = new Thread(process::kill, "stop-plain-command-service");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    static PlainCommandService start(Testbed bed) {
        int port = Ports.resolve(0, "plain command service");
        Path keys = bed.stack().keysDir();
        // The query port only feeds the CORS origin: there is no second query service.
        StackAddresses addresses = new StackAddresses(
                port,
                bed.queryUrl().getPort(),
                bed.stack().identityUrl().getPort(),
                bed.jdbcUrl("events"),
                bed.jdbcUrl("views"),
                bed.jdbcUrl("identity"),
                bed.stack().databaseUsername(),
                bed.stack().databasePassword(),
                bed.kafka(),
                bed.topic(),
                keys.resolve("jwt-private.pem"),
                IdentityProvider.local(bed.stack().identityUrl().getPort(), keys.resolve("query-service.secret")),
                LauncherConfig.LOOPBACK);
        Map<String, String> env = ServiceEnvironment.command(addresses);
        env.put("REKINDLE_CRYPTO_ENABLED", "false");
        ServiceProcess process = ServiceProcess.start(
                "command-plain", ServiceJars.locate(System.getProperties()).command(), "384m", env, bed.serviceLog());
        PlainCommandService service = new PlainCommandService(process, URI.create("http://localhost:" + port));
        try {
            Readiness.await(bed.http(), service.url, process, READY_TIMEOUT);
            return service;
        } catch (RuntimeException e) {
            service.close();
            throw e;
        }
    }

    URI url() {
        return url;
    }

    @Override
    public void close() {
        process.stop(STOP_GRACE);
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to: it stops the process too.
        }
    }
}
