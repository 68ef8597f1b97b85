package app.rekindle.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.net.InetAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ServiceEnvironmentTest {

    private final StackAddresses addresses = addresses(LauncherConfig.LOOPBACK);

    private static StackAddresses addresses(InetAddress bindAddress) {
        return new StackAddresses(
                8080,
                8081,
                8082,
                "jdbc:postgresql://localhost:54329/rekindle?currentSchema=events",
                "jdbc:postgresql://localhost:54329/rekindle?currentSchema=views",
                "jdbc:postgresql://localhost:54329/rekindle?currentSchema=identity",
                "postgres",
                "secret",
                "localhost:40123",
                "rekindle.journal-events",
                Path.of("/data/keys/jwt-private.pem"),
                IdentityProvider.local(8082, Path.of("/data/keys/query-service.secret")),
                bindAddress);
    }

    @Test
    void command_service_writes_to_the_events_schema_trusts_the_identity_service_and_lets_the_dashboard_call_it() {
        assertThat(ServiceEnvironment.command(addresses))
                .containsOnly(
                        entry("SERVER_PORT", "8080"),
                        entry("SERVER_ADDRESS", "127.0.0.1"),
                        entry(
                                "SPRING_DATASOURCE_URL",
                                "jdbc:postgresql://localhost:54329/rekindle?currentSchema=events"),
                        entry("SPRING_DATASOURCE_USERNAME", "postgres"),
                        entry("SPRING_DATASOURCE_PASSWORD", "secret"),
                        entry("REKINDLE_KAFKA_BOOTSTRAP_SERVERS", "localhost:40123"),
                        entry("REKINDLE_KAFKA_TOPIC", "rekindle.journal-events"),
                        entry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", "http://localhost:8082"),
                        entry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES", "rekindle-api"),
                        entry("AXONIQ_UPDATE_CHECKER_DISABLED", "true"),
                        entry("REKINDLE_CORS_ALLOWED_ORIGINS", "http://localhost:8081"),
                        entry("REKINDLE_CRYPTO_MASTER_KEY_FILE", "/data/keys/master.key"));
    }

    @Test
    void query_service_reads_the_views_schema_and_gets_its_key_service_token_from_the_identity_service() {
        assertThat(ServiceEnvironment.query(addresses, false))
                .containsOnly(
                        entry("SERVER_PORT", "8081"),
                        entry("SERVER_ADDRESS", "127.0.0.1"),
                        entry(
                                "SPRING_DATASOURCE_URL",
                                "jdbc:postgresql://localhost:54329/rekindle?currentSchema=views"),
                        entry("SPRING_DATASOURCE_USERNAME", "postgres"),
                        entry("SPRING_DATASOURCE_PASSWORD", "secret"),
                        entry("REKINDLE_KAFKA_BOOTSTRAP_SERVERS", "localhost:40123"),
                        entry("REKINDLE_KAFKA_TOPIC", "rekindle.journal-events"),
                        entry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", "http://localhost:8082"),
                        entry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES", "rekindle-api"),
                        entry("AXONIQ_UPDATE_CHECKER_DISABLED", "true"),
                        entry("REKINDLE_COMMAND_SERVICE_URL", "http://localhost:8080"),
                        entry("REKINDLE_CRYPTO_KEY_SERVICE_TOKEN_URI", "http://localhost:8082/oauth2/token"),
                        entry("REKINDLE_CRYPTO_KEY_SERVICE_CLIENT_SECRET_FILE", "/data/keys/query-service.secret"),
                        entry("REKINDLE_DASHBOARD_DEMO", "false"));
        assertThat(ServiceEnvironment.query(addresses, true)).containsEntry("REKINDLE_DASHBOARD_DEMO", "true");
    }

    @Test
    void identity_service_keeps_accounts_in_its_schema_signs_with_the_runs_key_and_knows_the_dashboard() {
        assertThat(ServiceEnvironment.identity(addresses, false))
                .containsOnly(
                        entry("SERVER_PORT", "8082"),
                        entry("SERVER_ADDRESS", "127.0.0.1"),
                        entry(
                                "SPRING_DATASOURCE_URL",
                                "jdbc:postgresql://localhost:54329/rekindle?currentSchema=identity"),
                        entry("SPRING_DATASOURCE_USERNAME", "postgres"),
                        entry("SPRING_DATASOURCE_PASSWORD", "secret"),
                        entry("REKINDLE_IDENTITY_ISSUER", "http://localhost:8082"),
                        entry("REKINDLE_IDENTITY_SIGNING_KEY_LOCATION", "file:/data/keys/jwt-private.pem"),
                        entry("REKINDLE_IDENTITY_DASHBOARD_URIS", "http://localhost:8081/"),
                        entry("REKINDLE_IDENTITY_QUERY_SERVICE_SECRET_FILE", "/data/keys/query-service.secret"),
                        entry("REKINDLE_IDENTITY_COMMAND_SERVICE_URL", "http://localhost:8080"),
                        entry("REKINDLE_IDENTITY_DEMO_ENABLED", "false"));
        assertThat(ServiceEnvironment.identity(addresses, true))
                .containsEntry("REKINDLE_IDENTITY_DEMO_ENABLED", "true");
    }

    @Test
    void services_listen_where_the_run_says_loopback_unless_opened_up() throws Exception {
        StackAddresses open = addresses(InetAddress.getByName("0.0.0.0"));

        assertThat(ServiceEnvironment.command(open)).containsEntry("SERVER_ADDRESS", "0.0.0.0");
        assertThat(ServiceEnvironment.query(open, false)).containsEntry("SERVER_ADDRESS", "0.0.0.0");
        assertThat(ServiceEnvironment.identity(open, false)).containsEntry("SERVER_ADDRESS", "0.0.0.0");
    }
}
