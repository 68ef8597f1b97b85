package app.rekindle.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.net.InetAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ServiceEnvironmentTest {

    private final StackAddresses addresses = new StackAddresses(
            8080,
            8081,
            "jdbc:postgresql://localhost:54329/rekindle?currentSchema=events",
            "jdbc:postgresql://localhost:54329/rekindle?currentSchema=views",
            "postgres",
            "secret",
            "localhost:40123",
            "rekindle.journal-events",
            Path.of("/data/keys/jwt-public.pem"),
            Path.of("/data/keys/jwt-private.pem"));

    @Test
    void command_service_writes_to_the_events_schema_issues_dev_tokens_and_lets_the_dashboard_call_it() {
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
                        entry(
                                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_PUBLIC_KEY_LOCATION",
                                "file:/data/keys/jwt-public.pem"),
                        entry("AXONIQ_UPDATE_CHECKER_DISABLED", "true"),
                        entry("REKINDLE_DEV_TOKENS_ENABLED", "true"),
                        entry("REKINDLE_DEV_TOKENS_PRIVATE_KEY_LOCATION", "file:/data/keys/jwt-private.pem"),
                        entry("REKINDLE_CORS_ALLOWED_ORIGINS", "http://localhost:8081"),
                        entry("REKINDLE_CRYPTO_MASTER_KEY_FILE", "/data/keys/master.key"));
    }

    @Test
    void query_service_reads_the_views_schema_and_tells_the_dashboard_where_to_sign_in() {
        assertThat(ServiceEnvironment.query(addresses))
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
                        entry(
                                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_PUBLIC_KEY_LOCATION",
                                "file:/data/keys/jwt-public.pem"),
                        entry("AXONIQ_UPDATE_CHECKER_DISABLED", "true"),
                        entry("REKINDLE_COMMAND_SERVICE_URL", "http://localhost:8080"),
                        entry("REKINDLE_DASHBOARD_DEV_SIGN_IN", "true"),
                        entry("REKINDLE_CRYPTO_KEY_SERVICE_TOKEN_FILE", "/data/keys/query-service.token"));
    }

    @Test
    void services_listen_where_the_run_says_loopback_unless_opened_up() throws Exception {
        StackAddresses open = new StackAddresses(
                8080,
                8081,
                "jdbc:e",
                "jdbc:v",
                "postgres",
                "secret",
                "localhost:40123",
                "topic",
                Path.of("/k/pub.pem"),
                Path.of("/k/priv.pem"),
                InetAddress.getByName("0.0.0.0"));

        assertThat(ServiceEnvironment.command(open)).containsEntry("SERVER_ADDRESS", "0.0.0.0");
        assertThat(ServiceEnvironment.query(open)).containsEntry("SERVER_ADDRESS", "0.0.0.0");
    }
}
