package app.rekindle.launcher;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    }

    @Test
    void environment_variables_override_the_defaults() {
        LauncherConfig config = LauncherConfig.from(Map.of(
                "REKINDLE_DATA_DIR", "/srv/rekindle",
                "REKINDLE_COMMAND_PORT", "9080",
                "REKINDLE_QUERY_PORT", "9081",
                "REKINDLE_POSTGRES_PORT", "0",
                "REKINDLE_KAFKA_PORT", "9092",
                "REKINDLE_KAFKA_TOPIC", "journal",
                "REKINDLE_TOPIC_PARTITIONS", "12",
                "REKINDLE_SERVICE_HEAP", "1g"), noSystemProperties);

        assertThat(config).isEqualTo(new LauncherConfig(Path.of("/srv/rekindle"), 9080, 9081, 0, 9092, "journal", 12, "1g",
                config.commandJar(), config.queryJar()));
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
