package app.rekindle.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's own work, checked with stand-in service jars so it does not wait for the real ones. */
class EmbeddedStackWithStandInServicesTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    @SuppressWarnings("try") // stack.close() inside its try is the step under test
    void stack_starts_services_wired_to_its_infrastructure_and_gets_a_demo_token(@TempDir Path dir) throws Exception {
        Path jar = FakeServiceJar.writeTo(dir, FakeService.class);
        LauncherConfig config =
                new LauncherConfig(dir.resolve("data"), 0, 0, 0, 0, "journal-events", 2, "64m", jar, jar);

        try (EmbeddedStack stack = EmbeddedStack.start(config)) {
            assertThat(stack.demoToken()).isEqualTo("fake-token");
            assertThat(env(stack.commandUrl(), "SPRING_DATASOURCE_URL")).isEqualTo(stack.jdbcUrl("events"));
            assertThat(env(stack.queryUrl(), "SPRING_DATASOURCE_URL")).isEqualTo(stack.jdbcUrl("views"));
            assertThat(env(stack.queryUrl(), "REKINDLE_KAFKA_BOOTSTRAP_SERVERS"))
                    .isEqualTo(stack.kafkaBootstrapServers());
            assertThat(env(stack.queryUrl(), "REKINDLE_COMMAND_SERVICE_URL"))
                    .isEqualTo(stack.commandUrl().toString());
            assertThat(env(stack.commandUrl(), "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_PUBLIC_KEY_LOCATION"))
                    .isEqualTo("file:" + dir.resolve("data/keys/jwt-public.pem").toAbsolutePath());
            assertThat(env(stack.commandUrl(), "SERVER_ADDRESS")).isEqualTo("127.0.0.1");
            assertThat(env(stack.queryUrl(), "SERVER_ADDRESS")).isEqualTo("127.0.0.1");
            // Each service stops once the launcher's end of its standard input closes (EndWithLauncher).
            assertThat(env(stack.commandUrl(), ServiceProcess.LIFELINE_VARIABLE))
                    .isEqualTo("true");
            assertThat(dir.resolve("data/postgres/postgresql.conf")).exists();
            assertThat(dir.resolve("data/kafka/meta.properties")).exists();

            stack.close();

            // Process.onExit() completes on the JDK's reaper thread, a moment after the process is gone.
            assertThat(stack.anyServiceExit()).succeedsWithin(java.time.Duration.ofSeconds(10));
        }
    }

    @Test
    void a_run_opened_to_the_network_warns_before_it_starts(@TempDir Path dir) throws Exception {
        Path jar = FakeServiceJar.writeTo(dir, FakeService.class);
        LauncherConfig config = new LauncherConfig(
                dir.resolve("data"),
                0,
                0,
                0,
                0,
                "journal-events",
                1,
                "64m",
                jar,
                jar,
                InetAddress.getByName("0.0.0.0"));
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        try (EmbeddedStack stack = EmbeddedStack.start(config, new PrintStream(output, true, StandardCharsets.UTF_8))) {
            assertThat(env(stack.commandUrl(), "SERVER_ADDRESS")).isEqualTo("0.0.0.0");
            assertThat(output.toString(StandardCharsets.UTF_8))
                    .contains("WARNING: REKINDLE_BIND_ADDRESS=0.0.0.0")
                    .contains("ANY user name");
        }
    }

    @Test
    void a_service_that_dies_during_start_fails_the_start_with_its_exit_code(@TempDir Path dir) throws Exception {
        Path crashing = FakeServiceJar.writeTo(dir, CrashingService.class);
        Path healthy = FakeServiceJar.writeTo(dir, FakeService.class);
        LauncherConfig config =
                new LauncherConfig(dir.resolve("data"), 0, 0, 0, 0, "journal-events", 1, "64m", crashing, healthy);

        assertThatThrownBy(() -> EmbeddedStack.start(config))
                .hasMessageContaining("command service exited with code 3");
    }

    @Test
    void a_missing_service_jar_is_named(@TempDir Path dir) {
        Path missing = dir.resolve("services/command-service.jar");
        LauncherConfig config =
                new LauncherConfig(dir.resolve("data"), 0, 0, 0, 0, "journal-events", 1, "64m", missing, missing);

        assertThatThrownBy(() -> EmbeddedStack.start(config)).hasMessageContaining("jar is missing: " + missing);
    }

    private String env(URI service, String name) throws Exception {
        HttpRequest request =
                HttpRequest.newBuilder(service.resolve("/env/" + name)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
