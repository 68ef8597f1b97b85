package app.rekindle.support.testing;

import app.rekindle.embedded.SharedTestInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The real identity service for a service's tests, from its executable jar ({@code rekindle.identityJar}, copied
 * by the build) as a child process, so the authorization server stays off the service's own class path. Its own
 * schema in the shared PostgreSQL, a free port, the shared test key, a query-service client secret of its own,
 * demo tokens on. One per test JVM, started on first use (about 20 s), stopped with the JVM.
 */
public final class IdentityProviderProcess {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static IdentityProviderProcess started;

    private final URI issuer;
    private final Path queryClientSecretFile;

    private IdentityProviderProcess(URI issuer, Path queryClientSecretFile) {
        this.issuer = issuer;
        this.queryClientSecretFile = queryClientSecretFile;
    }

    public static synchronized IdentityProviderProcess get() {
        if (started == null) {
            started = start();
        }
        return started;
    }

    public URI issuer() {
        return issuer;
    }

    public URI tokenUri() {
        return issuer.resolve("/oauth2/token");
    }

    /** The file holding the {@code rekindle-query-service} client's secret, as the provider knows it. */
    public Path queryClientSecretFile() {
        return queryClientSecretFile;
    }

    private static IdentityProviderProcess start() {
        String jar = System.getProperty("rekindle.identityJar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("No identity service jar at rekindle.identityJar=" + jar
                    + " (the module's build copies it into target/services)");
        }
        SharedTestInfrastructure infra = SharedTestInfrastructure.get();
        String schema = "identity_" + UUID.randomUUID().toString().substring(0, 8);
        try {
            int port = freePort();
            URI issuer = URI.create("http://localhost:" + port);
            Path secret = Files.createTempFile("query-service", ".secret");
            byte[] raw = new byte[32];
            new SecureRandom().nextBytes(raw);
            Files.writeString(secret, Base64.getUrlEncoder().withoutPadding().encodeToString(raw));
            Path log = Files.createTempFile("identity-service", ".log");
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx256m", "-jar", jar))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            var env = builder.environment();
            env.put("SERVER_PORT", Integer.toString(port));
            env.put("SERVER_ADDRESS", "127.0.0.1");
            env.put("SPRING_DATASOURCE_URL", infra.jdbcUrl(schema));
            env.put("SPRING_DATASOURCE_USERNAME", infra.postgres().username());
            env.put("SPRING_DATASOURCE_PASSWORD", infra.postgres().password());
            env.put("SPRING_FLYWAY_SCHEMAS", schema);
            env.put("SPRING_FLYWAY_DEFAULT_SCHEMA", schema);
            env.put("REKINDLE_IDENTITY_ISSUER", issuer.toString());
            env.put(
                    "REKINDLE_IDENTITY_SIGNING_KEY_LOCATION",
                    infra.jwtKeys().privateKeyPem().toUri().toString());
            env.put("REKINDLE_IDENTITY_QUERY_SERVICE_SECRET_FILE", secret.toString());
            env.put("REKINDLE_IDENTITY_DEMO_ENABLED", "true");
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "stop-identity-service"));
            awaitReady(process, issuer, log);
            return new IdentityProviderProcess(issuer, secret);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the identity service", e);
        }
    }

    private static void awaitReady(Process process, URI issuer, Path log) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(issuer.resolve("/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5))
                .build();
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        try {
            while (true) {
                try {
                    if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notListeningYet) {
                    // Keep polling.
                }
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(
                            "The identity service did not become ready; its output is in " + log);
                }
                // Waiting for the process to end doubles as the poll interval and notices a crash at once.
                process.waitFor(500, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("Interrupted while waiting for the identity service", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
