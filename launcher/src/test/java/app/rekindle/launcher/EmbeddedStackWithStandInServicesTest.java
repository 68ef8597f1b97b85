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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's own work, checked with stand-in service jars so it does not wait for the real ones. */
class EmbeddedStackWithStandInServicesTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    @SuppressWarnings("try") // stack.close() inside its try is the step under test
    void stack_starts_three_services_wired_to_its_infrastructure_and_in_demo_mode_gets_a_demo_token(@TempDir Path dir)
            throws Exception {
        Path jar = FakeServiceJar.writeTo(dir, FakeService.class);
        LauncherConfig config = LauncherConfig.onFreePorts(
                dir.resolve("data"), "journal-events", 2, "64m", new ServiceJars(jar, jar, jar), true);

        try (EmbeddedStack stack = EmbeddedStack.start(config)) {
            assertThat(stack.demoToken()).isEqualTo("fake-token");
            assertThat(env(stack.commandUrl(), "SPRING_DATASOURCE_URL")).isEqualTo(stack.jdbcUrl("events"));
            assertThat(env(stack.queryUrl(), "SPRING_DATASOURCE_URL")).isEqualTo(stack.jdbcUrl("views"));
            assertThat(env(stack.identityUrl(), "SPRING_DATASOURCE_URL")).isEqualTo(stack.jdbcUrl("identity"));
            assertThat(env(stack.queryUrl(), "REKINDLE_KAFKA_BOOTSTRAP_SERVERS"))
                    .isEqualTo(stack.kafkaBootstrapServers());
            assertThat(env(stack.queryUrl(), "REKINDLE_COMMAND_SERVICE_URL"))
                    .isEqualTo(stack.commandUrl().toString());
            // Both services trust this run's identity service, for Rekindle's API only.
            for (URI service : new URI[] {stack.commandUrl(), stack.queryUrl()}) {
                assertThat(env(service, "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI"))
                        .isEqualTo(stack.identityUrl().toString());
                assertThat(env(service, "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES"))
                        .isEqualTo("rekindle-api");
                assertThat(env(service, "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_PUBLIC_KEY_LOCATION"))
                        .isEmpty();
            }
            assertThat(env(stack.identityUrl(), "REKINDLE_IDENTITY_ISSUER"))
                    .isEqualTo(stack.identityUrl().toString());
            assertThat(env(stack.identityUrl(), "REKINDLE_IDENTITY_SIGNING_KEY_LOCATION"))
                    .isEqualTo(
                            "file:" + dir.resolve("data/keys/jwt-private.pem").toAbsolutePath());
            assertThat(env(stack.identityUrl(), "REKINDLE_IDENTITY_DEMO_ENABLED"))
                    .isEqualTo("true");
            // One secret, two readers: the provider checks it, the query service presents it.
            Path secret = dir.resolve("data/keys/query-service.secret").toAbsolutePath();
            assertThat(env(stack.identityUrl(), "REKINDLE_IDENTITY_QUERY_SERVICE_SECRET_FILE"))
                    .isEqualTo(secret.toString());
            assertThat(env(stack.queryUrl(), "REKINDLE_CRYPTO_KEY_SERVICE_CLIENT_SECRET_FILE"))
                    .isEqualTo(secret.toString());
            assertThat(env(stack.queryUrl(), "REKINDLE_CRYPTO_KEY_SERVICE_TOKEN_URI"))
                    .isEqualTo(stack.identityUrl().resolve("/oauth2/token").toString());
            assertThat(Files.readString(secret)).matches("[A-Za-z0-9_-]{43}");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)))
                    .isEqualTo("rw-------");
            for (URI service : new URI[] {stack.commandUrl(), stack.queryUrl(), stack.identityUrl()}) {
                assertThat(env(service, "SERVER_ADDRESS")).isEqualTo("127.0.0.1");
                // Each service stops once the launcher's end of its standard input closes (EndWithLauncher).
                assertThat(env(service, ServiceProcess.LIFELINE_VARIABLE)).isEqualTo("true");
            }
            assertThat(dir.resolve("data/postgres/postgresql.conf")).exists();
            assertThat(dir.resolve("data/kafka/meta.properties")).exists();

            stack.close();

            // Process.onExit() completes on the JDK's reaper thread, a moment after the process is gone.
            assertThat(stack.anyServiceExit()).succeedsWithin(Duration.ofSeconds(10));
        }
    }

    @Test
    void without_demo_mode_no_token_is_asked_for_and_the_identity_service_is_told_so(@TempDir Path dir)
            throws Exception {
        Path jar = FakeServiceJar.writeTo(dir, FakeService.class);
        LauncherConfig config = LauncherConfig.onFreePorts(
                dir.resolve("data"), "journal-events", 1, "64m", new ServiceJars(jar, jar, jar), false);

        try (EmbeddedStack stack = EmbeddedStack.start(config)) {
            assertThat(stack.demoToken()).isNull();
            assertThat(env(stack.identityUrl(), "REKINDLE_IDENTITY_DEMO_ENABLED"))
                    .isEqualTo("false");
            assertThat(Banner.render(stack, dir))
                    .contains("Create an account: " + stack.identityUrl().resolve("/signup"))
                    .contains("oauth2/device_authorization")
                    .doesNotContain("DEMO MODE");
        }
    }

    @Test
    void with_an_external_provider_no_identity_service_starts_and_both_services_trust_that_provider(@TempDir Path dir)
            throws Exception {
        Path jar = FakeServiceJar.writeTo(dir, FakeService.class);
        Path missing = dir.resolve("services/identity-service.jar");
        Path secret = Files.writeString(dir.resolve("client.secret"), "s3cret");
        IdentityProvider external = new IdentityProvider(
                URI.create("https://login.example.org/realms/rekindle"),
                URI.create("https://login.example.org/realms/rekindle/protocol/openid-connect/token"),
                secret);
        LauncherConfig config = new LauncherConfig(
                dir.resolve("data"),
                0,
                0,
                0,
                0,
                0,
                "journal-events",
                1,
                "64m",
                new ServiceJars(jar, jar, missing),
                LauncherConfig.LOOPBACK,
                false,
                external);

        try (EmbeddedStack stack = EmbeddedStack.start(config)) {
            assertThat(stack.runsIdentityService()).isFalse();
            assertThat(stack.identityUrl()).isEqualTo(external.issuer());
            assertThat(env(stack.commandUrl(), "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI"))
                    .isEqualTo("https://login.example.org/realms/rekindle");
            assertThat(env(stack.queryUrl(), "REKINDLE_CRYPTO_KEY_SERVICE_TOKEN_URI"))
                    .isEqualTo(external.tokenUri().toString());
            assertThat(env(stack.queryUrl(), "REKINDLE_CRYPTO_KEY_SERVICE_CLIENT_SECRET_FILE"))
                    .isEqualTo(secret.toString());
            assertThat(Banner.render(stack, dir)).doesNotContain("Create an account");
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
                0,
                "journal-events",
                1,
                "64m",
                new ServiceJars(jar, jar, jar),
                InetAddress.getByName("0.0.0.0"),
                true,
                null);
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        try (EmbeddedStack stack = EmbeddedStack.start(config, new PrintStream(output, true, StandardCharsets.UTF_8))) {
            assertThat(env(stack.commandUrl(), "SERVER_ADDRESS")).isEqualTo("0.0.0.0");
            assertThat(env(stack.identityUrl(), "SERVER_ADDRESS")).isEqualTo("0.0.0.0");
            assertThat(output.toString(StandardCharsets.UTF_8))
                    .contains("WARNING: REKINDLE_BIND_ADDRESS=0.0.0.0")
                    .contains("ANY user name");
        }
    }

    @Test
    void a_service_that_dies_during_start_fails_the_start_with_its_exit_code(@TempDir Path dir) throws Exception {
        Path crashing = FakeServiceJar.writeTo(dir, CrashingService.class);
        Path healthy = FakeServiceJar.writeTo(dir, FakeService.class);
        LauncherConfig config = LauncherConfig.onFreePorts(
                dir.resolve("data"), "journal-events", 1, "64m", new ServiceJars(crashing, healthy, healthy), false);

        assertThatThrownBy(() -> EmbeddedStack.start(config))
                .hasMessageContaining("command service exited with code 3");
    }

    @Test
    void an_identity_service_that_dies_during_start_fails_the_start_too(@TempDir Path dir) throws Exception {
        Path crashing = FakeServiceJar.writeTo(dir, CrashingService.class);
        Path healthy = FakeServiceJar.writeTo(dir, FakeService.class);
        LauncherConfig config = LauncherConfig.onFreePorts(
                dir.resolve("data"), "journal-events", 1, "64m", new ServiceJars(healthy, healthy, crashing), false);

        assertThatThrownBy(() -> EmbeddedStack.start(config))
                .hasMessageContaining("identity service exited with code 3");
    }

    @Test
    void a_missing_service_jar_is_named(@TempDir Path dir) {
        Path missing = dir.resolve("services/command-service.jar");
        LauncherConfig config = LauncherConfig.onFreePorts(
                dir.resolve("data"), "journal-events", 1, "64m", new ServiceJars(missing, missing, missing), false);

        assertThatThrownBy(() -> EmbeddedStack.start(config)).hasMessageContaining("jar is missing: " + missing);
    }

    private String env(URI service, String name) throws Exception {
        HttpRequest request =
                HttpRequest.newBuilder(service.resolve("/env/" + name)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
