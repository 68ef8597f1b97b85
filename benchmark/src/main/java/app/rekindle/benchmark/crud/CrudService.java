package app.rekindle.benchmark.crud;

import app.rekindle.benchmark.Testbed;
import app.rekindle.benchmark.commands.EventRowTable;
import app.rekindle.launcher.Ports;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The CRUD baseline ({@link CrudCheckInApplication}) as a child process of the benchmark, from the benchmark's own
 * class path, with the services' heap limit, on the Testbed's PostgreSQL and JWT key (a Testbed token works on
 * it). Its table {@code bench.crud_event_entry} is a fresh copy of Axon's {@code domain_event_entry}. Its output
 * goes to the service log as {@code [crud]}; closing it stops the process, and so does the end of the JVM.
 */
public final class CrudService implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    public static final String HEAP = "384m";

    private final Process process;
    private final URI url;
    private final Thread stopOnExit;

    private CrudService(Process process, URI url) {
        this.process = process;
        this.url = url;
        this.stopOnExit = new Thread(process::destroyForcibly, "stop-crud-baseline");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    public static CrudService start(Testbed bed) throws SQLException {
        try (Connection connection = bed.connect("bench")) {
            EventRowTable.create(connection, "crud_event_entry");
        }
        int port = Ports.resolve(0, "CRUD baseline");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        java,
                        "-Xmx" + HEAP,
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrudCheckInApplication.class.getName(),
                        "--server.port=" + port,
                        "--spring.main.banner-mode=off",
                        "--spring.datasource.url=" + bed.jdbcUrl("bench"),
                        "--spring.datasource.username=" + bed.stack().databaseUsername(),
                        "--spring.datasource.password=" + bed.stack().databasePassword(),
                        "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + bed.jwtPublicKey(),
                        "--spring.mvc.problemdetails.enabled=true",
                        // The Prometheus scrape for the warm-up's JIT compilation time (behind the same JWT as the
                        // rest); no observation of each request, so the check-in path costs what it did before.
                        "--management.endpoints.web.exposure.include=prometheus",
                        "--management.observations.enable.http.server.requests=false"))
                .redirectErrorStream(true);
        try {
            CrudService service = new CrudService(builder.start(), URI.create("http://localhost:" + port));
            service.forwardOutputTo(bed);
            service.awaitReady(bed);
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the CRUD baseline", e);
        }
    }

    public URI url() {
        return url;
    }

    public ProcessHandle process() {
        return process.toHandle();
    }

    private void forwardOutputTo(Testbed bed) {
        Thread.ofPlatform().daemon().name("crud-output").start(() -> {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(line -> bed.serviceLog().println("[crud] " + line));
            } catch (IOException | UncheckedIOException closed) {
                // The process is gone; so is its output.
            }
        });
    }

    /** Ready once a check-in without a token is refused with 401: Tomcat, security and the mapping are up. */
    private void awaitReady(Testbed bed) {
        HttpRequest probe = HttpRequest.newBuilder(url.resolve("/journals/" + new UUID(0, 0) + "/check-ins"))
                .timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        try {
            while (true) {
                try {
                    if (bed.http()
                                    .send(probe, HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 401) {
                        return;
                    }
                } catch (IOException notListeningYet) {
                    // Still starting.
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException("The CRUD baseline exited with code " + process.exitValue()
                            + " before it was ready; its [crud] lines in the service log say why");
                }
                if (Instant.now().isAfter(deadline)) {
                    close();
                    throw new IllegalStateException(
                            "The CRUD baseline was not ready after " + READY_TIMEOUT.toSeconds() + " s");
                }
                process.waitFor(500, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the CRUD baseline", e);
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
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to: it stops the process too.
        }
    }
}
