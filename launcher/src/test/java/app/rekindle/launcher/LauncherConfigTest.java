package app.rekindle.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class LauncherConfigTest {

    private final Properties noSystemProperties = new Properties();

    @Test
    void defaults_apply_when_nothing_is_set() {
        LauncherConfig config = LauncherConfig.from(Map.of(), noSystemProperties);

        assertThat(config.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(config.commandPort()).isEqualTo(8080);
        assertThat(config.queryPort()).isEqualTo(8081);
        assertThat(config.identityPort()).isEqualTo(8082);
        assertThat(config.postgresPort()).isEqualTo(54329);
        assertThat(config.kafkaPort()).isZero();
        assertThat(config.topic()).isEqualTo("rekindle.journal-events");
        assertThat(config.topicPartitions()).isEqualTo(6);
        assertThat(config.serviceHeap()).isEqualTo("384m");
        assertThat(config.bindAddress().isLoopbackAddress()).isTrue();
        assertThat(config.reachableFromNetwork()).isFalse();
        assertThat(config.demo()).isFalse();
        assertThat(config.startsIdentityService()).isTrue();
    }

    @Test
    void demo_mode_is_on_only_when_asked_for() {
        assertThat(LauncherConfig.from(Map.of("REKINDLE_DEMO", "true"), noSystemProperties)
                        .demo())
                .isTrue();
        assertThat(LauncherConfig.from(Map.of("REKINDLE_DEMO", "false"), noSystemProperties)
                        .demo())
                .isFalse();
        assertThatThrownBy(() -> LauncherConfig.from(Map.of("REKINDLE_DEMO", "yes please"), noSystemProperties))
                .hasMessage("REKINDLE_DEMO must be true or false, not 'yes please'");
    }

    @Test
    void an_external_provider_replaces_the_identity_service() {
        LauncherConfig config = LauncherConfig.from(
                Map.of(
                        "REKINDLE_ISSUER_URI", "https://login.example.org/realms/rekindle",
                        "REKINDLE_TOKEN_URI", "https://login.example.org/realms/rekindle/token",
                        "REKINDLE_QUERY_CLIENT_SECRET_FILE", "/run/secrets/query"),
                noSystemProperties);

        assertThat(config.startsIdentityService()).isFalse();
        assertThat(config.externalProvider())
                .isEqualTo(new IdentityProvider(
                        URI.create("https://login.example.org/realms/rekindle"),
                        URI.create("https://login.example.org/realms/rekindle/token"),
                        Path.of("/run/secrets/query")));
    }

    @Test
    void an_external_provider_needs_its_token_uri_and_the_query_services_secret_too() {
        assertThatThrownBy(() -> LauncherConfig.from(
                        Map.of("REKINDLE_ISSUER_URI", "https://login.example.org"), noSystemProperties))
                .hasMessageContaining("REKINDLE_TOKEN_URI and REKINDLE_QUERY_CLIENT_SECRET_FILE together");
        assertThatThrownBy(() -> LauncherConfig.from(
                        Map.of(
                                "REKINDLE_ISSUER_URI", "login.example.org",
                                "REKINDLE_TOKEN_URI", "https://login.example.org/token",
                                "REKINDLE_QUERY_CLIENT_SECRET_FILE", "/run/secrets/query"),
                        noSystemProperties))
                .hasMessage("REKINDLE_ISSUER_URI must be an http(s) URL, not 'login.example.org'");
    }

    @Test
    void demo_tokens_come_from_this_runs_identity_service_so_not_with_an_external_provider() {
        assertThatThrownBy(() -> LauncherConfig.from(
                        Map.of(
                                "REKINDLE_DEMO", "true",
                                "REKINDLE_ISSUER_URI", "https://login.example.org",
                                "REKINDLE_TOKEN_URI", "https://login.example.org/token",
                                "REKINDLE_QUERY_CLIENT_SECRET_FILE", "/run/secrets/query"),
                        noSystemProperties))
                .hasMessageContaining("REKINDLE_DEMO needs the identity service of this run");
    }

    @Test
    void the_services_are_opened_to_the_network_only_when_asked() throws Exception {
        LauncherConfig open = LauncherConfig.from(Map.of("REKINDLE_BIND_ADDRESS", "0.0.0.0"), noSystemProperties);
        LauncherConfig ipv6Loopback = LauncherConfig.from(Map.of("REKINDLE_BIND_ADDRESS", "::1"), noSystemProperties);

        assertThat(open.bindAddress()).isEqualTo(InetAddress.getByName("0.0.0.0"));
        assertThat(open.reachableFromNetwork()).isTrue();
        assertThat(ipv6Loopback.reachableFromNetwork()).isFalse();
    }

    @Test
    void a_bind_address_must_be_an_ip_address_not_a_name() {
        assertThatThrownBy(
                        () -> LauncherConfig.from(Map.of("REKINDLE_BIND_ADDRESS", "example.org"), noSystemProperties))
                .hasMessage(
                        "REKINDLE_BIND_ADDRESS must be an IP address such as 127.0.0.1 or 0.0.0.0, not 'example.org'");
        assertThatThrownBy(() -> LauncherConfig.from(Map.of("REKINDLE_BIND_ADDRESS", "999.1.1.1"), noSystemProperties))
                .hasMessageContaining("must be an IP address");
    }

    @Test
    void environment_variables_override_the_defaults() {
        LauncherConfig config = LauncherConfig.from(
                Map.of(
                        "REKINDLE_DATA_DIR", "/srv/rekindle",
                        "REKINDLE_COMMAND_PORT", "9080",
                        "REKINDLE_QUERY_PORT", "9081",
                        "REKINDLE_IDENTITY_PORT", "9082",
                        "REKINDLE_POSTGRES_PORT", "0",
                        "REKINDLE_KAFKA_PORT", "9092",
                        "REKINDLE_KAFKA_TOPIC", "journal",
                        "REKINDLE_TOPIC_PARTITIONS", "12",
                        "REKINDLE_SERVICE_HEAP", "1g",
                        "REKINDLE_DEMO", "true"),
                noSystemProperties);

        assertThat(config)
                .isEqualTo(new LauncherConfig(
                        Path.of("/srv/rekindle"),
                        9080,
                        9081,
                        9082,
                        0,
                        9092,
                        "journal",
                        12,
                        "1g",
                        config.jars(),
                        LauncherConfig.LOOPBACK,
                        true,
                        null));
    }

    @Test
    void a_port_that_is_not_a_number_is_named_in_the_error() {
        assertThatThrownBy(() -> LauncherConfig.from(Map.of("REKINDLE_QUERY_PORT", "eighty"), noSystemProperties))
                .hasMessage("REKINDLE_QUERY_PORT must be a whole number, not 'eighty'");
    }

    @Test
    void a_port_out_of_range_is_rejected() {
        assertThatThrownBy(() -> LauncherConfig.from(Map.of("REKINDLE_COMMAND_PORT", "70000"), noSystemProperties))
                .hasMessageContaining("between 0 and 65535");
    }

    @Test
    void a_heap_size_java_would_not_understand_is_rejected() {
        assertThatThrownBy(() -> LauncherConfig.from(Map.of("REKINDLE_SERVICE_HEAP", "lots"), noSystemProperties))
                .hasMessageContaining("384m or 1g");
    }

    @Test
    void a_topic_needs_a_partition() {
        assertThatThrownBy(() -> LauncherConfig.from(Map.of("REKINDLE_TOPIC_PARTITIONS", "0"), noSystemProperties))
                .hasMessageContaining("at least one partition");
    }
}
