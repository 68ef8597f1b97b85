package app.rekindle.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** Waits for a service's readiness probe, the one Kubernetes would ask, to answer 200. */
public final class Readiness {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    private Readiness() {}

    public static void await(HttpClient http, URI serviceUrl, ServiceProcess service, Duration timeout) {
        HttpRequest probe = HttpRequest.newBuilder(serviceUrl.resolve("/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        Instant deadline = Instant.now().plus(timeout);
        try {
            while (true) {
                if (answersOk(http, probe)) {
                    return;
                }
                if (!service.isAlive()) {
                    throw new IllegalStateException("The " + service.name() + " service exited with code "
                            + service.exitValue() + " before it was ready; its [" + service.name()
                            + "] output above says why");
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("The " + service.name() + " service was not ready at " + probe.uri()
                            + " after " + timeout.toSeconds() + " s");
                }
                // Waiting for the process to end doubles as the poll interval and notices a crash at once.
                service.awaitExit(POLL_INTERVAL);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the " + service.name() + " service", e);
        }
    }

    private static boolean answersOk(HttpClient http, HttpRequest probe) throws InterruptedException {
        try {
            return http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        }
    }
}
