package app.rekindle.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks a service's readiness probe once, as a load balancer would, and reports what it answered. */
final class ReadinessProbe {

    // Patient: with the database gone, the "db" check answers only after the pool's connection timeout (30 s).
    private static final Duration TIMEOUT = Duration.ofSeconds(45);

    private ReadinessProbe() {}

    /** The HTTP status, or -1 when nothing answers on the port. */
    static int status(HttpClient http, URI service) {
        HttpRequest probe = HttpRequest.newBuilder(service.resolve("/actuator/health/readiness"))
                .timeout(TIMEOUT)
                .GET()
                .build();
        try {
            return http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notListening) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
