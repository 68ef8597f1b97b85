package app.rekindle.benchmark.rebuild;

import app.rekindle.benchmark.Testbed;
import app.rekindle.launcher.ServiceJars;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One more query-service process, as an operator would start one to rebuild the views: a consumer group of its
 * own, which starts at offset 0, and an empty schema of its own, which Flyway creates.
 */
final class RebuildingQueryService implements AutoCloseable {

    private final String name;
    private final Process process;
    private final URI url;

    private RebuildingQueryService(String name, Process process, URI url) {
        this.name = name;
        this.process = process;
        this.url = url;
    }

    static RebuildingQueryService start(Testbed bed, String name, String schema, String topic, String groupId) {
        int port = freePort();
        Path jar = ServiceJars.locate(System.getProperties()).query();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder =
                new ProcessBuilder(List.of(java, "-Xmx384m", "-jar", jar.toString())).redirectErrorStream(true);
        builder.environment()
                .putAll(Map.ofEntries(
                        Map.entry("SERVER_PORT", Integer.toString(port)),
                        Map.entry("SPRING_DATASOURCE_URL", bed.jdbcUrl(schema)),
                        Map.entry("SPRING_DATASOURCE_USERNAME", bed.stack().databaseUsername()),
                        Map.entry("SPRING_DATASOURCE_PASSWORD", bed.stack().databasePassword()),
                        Map.entry("SPRING_FLYWAY_SCHEMAS", schema),
                        Map.entry("SPRING_FLYWAY_DEFAULT_SCHEMA", schema),
                        Map.entry("REKINDLE_KAFKA_BOOTSTRAP_SERVERS", bed.kafka()),
                        Map.entry("REKINDLE_KAFKA_TOPIC", topic),
                        Map.entry("REKINDLE_KAFKA_GROUP_ID", groupId),
                        Map.entry(
                                "REKINDLE_COMMAND_SERVICE_URL", bed.commandUrl().toString()),
                        // Its credential for the journals' data keys: the run's identity service, with the client
                        // secret the launcher made beside the JWT keys.
                        Map.entry(
                                "REKINDLE_CRYPTO_KEY_SERVICE_TOKEN_URI",
                                bed.stack()
                                        .identityUrl()
                                        .resolve("/oauth2/token")
                                        .toString()),
                        Map.entry(
                                "REKINDLE_CRYPTO_KEY_SERVICE_CLIENT_SECRET_FILE",
                                bed.stack()
                                        .keysDir()
                                        .resolve("query-service.secret")
                                        .toString()),
                        Map.entry(
                                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI",
                                bed.stack().identityUrl().toString()),
                        Map.entry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES", "rekindle-api"),
                        Map.entry("AXONIQ_UPDATE_CHECKER_DISABLED", "true")));
        try {
            Process process = builder.start();
            Thread.ofPlatform().daemon().name(name + "-output").start(() -> {
                try (BufferedReader lines =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    lines.lines().forEach(line -> bed.serviceLog().println("[" + name + "] " + line));
                } catch (IOException | UncheckedIOException closed) {
                    // The process is gone.
                }
            });
            return new RebuildingQueryService(name, process, URI.create("http://localhost:" + port));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String name() {
        return name;
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    URI url() {
        return url;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
