package app.rekindle.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
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
        assertThat(config.postgresPort()).isEqualTo(54329);
        assertThat(config.kafkaPort()).isZero();
        assertThat(config.topic()).isEqualTo("rekindle.journal-events");
        assertThat(config.topicPartitions()).isEqualTo(6);
        assertThat(config.serviceHeap()).isEqualTo("384m");
        assertThat(config.bindAddress().isLoopbackAddress()).isTrue();
        assertThat(config.reachableFromNetwork()).isFalse();
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
                        "REKINDLE_POSTGRES_PORT", "0",
                        "REKINDLE_KAFKA_PORT", "9092",
                        "REKINDLE_KAFKA_TOPIC", "journal",
                        "REKINDLE_TOPIC_PARTITIONS", "12",
                        "REKINDLE_SERVICE_HEAP", "1g"),
                noSystemProperties);

        assertThat(config)
                .isEqualTo(new LauncherConfig(
                        Path.of("/srv/rekindle"),
                        9080,
                        9081,
                        0,
                        9092,
                        "journal",
                        12,
                        "1g",
                        config.commandJar(),
                        config.queryJar()));
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
