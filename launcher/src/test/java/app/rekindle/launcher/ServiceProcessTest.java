package app.rekindle.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessTest {

    @Test
    void what_a_service_logs_while_it_stops_on_sigterm_still_reaches_the_launchers_output(@TempDir Path dir)
            throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        ServiceProcess service = ServiceProcess.start(
                "fake",
                FakeServiceJar.writeTo(dir, GracefulService.class),
                "32m",
                Map.of(),
                new PrintStream(output, true, StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> output.toString(StandardCharsets.UTF_8).contains("ready"));

        service.requestStop();

        assertThat(service.awaitExit(Duration.ofSeconds(30))).isTrue();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> output.toString(StandardCharsets.UTF_8).contains("[fake] shut down gracefully"));
    }
}
