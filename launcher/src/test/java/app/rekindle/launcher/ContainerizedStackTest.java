package app.rekindle.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.embedded.LocalJwtKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The end-to-end journey with PostgreSQL and Kafka from Testcontainers instead of the embedded servers, for
 * machines with a Docker engine; skipped (and reported as skipped) where there is none.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerizedStackTest {

    @Container
    static final PostgreSQLContainer POSTGRES =
            new PostgreSQLContainer("postgres:16-alpine").withDatabaseName("rekindle");

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.0");

    @TempDir
    static Path keys;

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ServiceProcess command;
    private static ServiceProcess query;
    private static ServiceProcess identity;
    private static StackAddresses addresses;

    @BeforeAll
    static void startServices() {
        ServiceJars jars = ServiceJars.locate(System.getProperties());
        LocalJwtKeys jwt = LocalJwtKeys.createOrLoad(keys);
        ServiceCredentials.ensure(keys);
        String jdbc = POSTGRES.getJdbcUrl() + (POSTGRES.getJdbcUrl().contains("?") ? "&" : "?") + "currentSchema=";
        int identityPort = Ports.resolve(0, "identity");
        addresses = new StackAddresses(
                Ports.resolve(0, "command"),
                Ports.resolve(0, "query"),
                identityPort,
                jdbc + "events",
                jdbc + "views",
                jdbc + "identity",
                POSTGRES.getUsername(),
                POSTGRES.getPassword(),
                KAFKA.getBootstrapServers(),
                "rekindle.journal-events",
                jwt.privateKeyPem(),
                IdentityProvider.local(identityPort, ServiceCredentials.queryClientSecretFile(keys)),
                LauncherConfig.LOOPBACK);
        command = ServiceProcess.start(
                "command", jars.command(), "384m", ServiceEnvironment.command(addresses), System.out);
        query = ServiceProcess.start(
                "query", jars.query(), "384m", ServiceEnvironment.query(addresses, true), System.out);
        identity = ServiceProcess.start(
                "identity", jars.identity(), "384m", ServiceEnvironment.identity(addresses, true), System.out);
        Readiness.await(HTTP, url(addresses.commandPort(), ""), command, Duration.ofSeconds(120));
        Readiness.await(HTTP, url(addresses.queryPort(), ""), query, Duration.ofSeconds(120));
        Readiness.await(HTTP, url(addresses.identityPort(), ""), identity, Duration.ofSeconds(120));
    }

    @AfterAll
    static void stopServices() {
        if (command != null) {
            command.stop(Duration.ofSeconds(20));
        }
        if (query != null) {
            query.stop(Duration.ofSeconds(20));
        }
        if (identity != null) {
            identity.stop(Duration.ofSeconds(20));
        }
    }

    @Test
    void a_journal_written_through_the_command_service_reaches_the_views_through_kafka() throws Exception {
        String token = DemoTokens.issue(HTTP, url(addresses.identityPort(), ""), "alice");
        HttpResponse<String> opened = HTTP.send(
                HttpRequest.newBuilder(url(addresses.commandPort(), "/journals"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"partnerName\":\"Sam\",\"intention\":\"Again\",\"timezone\":\"UTC\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(opened.statusCode()).isEqualTo(201);
        String journalId = opened.body().replaceAll(".*\"journalId\":\"([^\"]+)\".*", "$1");

        HttpResponse<String> progress = HTTP.send(
                HttpRequest.newBuilder(url(addresses.queryPort(), "/journals/" + journalId + "/progress?minVersion=0"))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(progress.statusCode()).isEqualTo(200);
        assertThat(progress.body()).contains("reflect-on-the-past").contains(journalId);
    }

    private static URI url(int port, String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
