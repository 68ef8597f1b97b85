package app.rekindle.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end smoke test of the one-command run: the real service jars (copied into target/services by
 * the build) against the embedded PostgreSQL and Kafka, on random ports with a throw-away data folder.
 */
class EmbeddedStackTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void both_services_become_ready_and_a_demo_token_is_issued(@TempDir Path dataDir) throws Exception {
        ServiceJars jars = ServiceJars.locate(System.getProperties());
        LauncherConfig config = new LauncherConfig(dataDir, 0, 0, 0, 0, "rekindle.journal-events", 3, "384m",
                jars.command(), jars.query());

        try (EmbeddedStack stack = EmbeddedStack.start(config)) {
            assertThat(status(stack.commandUrl().resolve("/actuator/health/readiness"))).isEqualTo(200);
            assertThat(status(stack.queryUrl().resolve("/actuator/health/readiness"))).isEqualTo(200);
            assertThat(stack.demoToken()).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
            System.out.println("Embedded stack started in " + stack.startupTime().toMillis() + " ms");
        }
    }

    private int status(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
