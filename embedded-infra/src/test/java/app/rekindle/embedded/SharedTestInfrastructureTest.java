package app.rekindle.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

class SharedTestInfrastructureTest {

    private final SharedTestInfrastructure infrastructure = SharedTestInfrastructure.get();

    @Test
    void without_docker_the_embedded_servers_are_used() {
        assumeFalse(ContainerServers.dockerAvailable(), "Docker is available here");
        assertThat(infrastructure.provider()).isEqualTo(SharedTestInfrastructure.Provider.EMBEDDED);
        assertThat(infrastructure.postgres()).isInstanceOf(EmbeddedPostgresServer.class);
        assertThat(infrastructure.kafka()).isInstanceOf(EmbeddedKafkaBroker.class);
    }

    @Test
    void every_caller_gets_the_same_running_servers() {
        assertThat(SharedTestInfrastructure.get()).isSameAs(infrastructure);
    }

    @Test
    void database_rekindle_is_ready() throws Exception {
        PostgresServer postgres = infrastructure.postgres();
        try (Connection connection = DriverManager.getConnection(
                infrastructure.jdbcUrl("public"), postgres.username(), postgres.password())) {
            assertThat(connection.getCatalog()).isEqualTo("rekindle");
        }
    }

    @Test
    void new_topics_are_distinct_and_have_three_partitions() throws Exception {
        String first = infrastructure.newTopic("timeline");
        String second = infrastructure.newTopic("timeline");

        assertThat(first).startsWith("timeline-").isNotEqualTo(second);
        try (Admin admin =
                Admin.create(Map.of("bootstrap.servers", infrastructure.kafka().bootstrapServers()))) {
            assertThat(admin.describeTopics(Set.of(first))
                            .allTopicNames()
                            .get()
                            .get(first)
                            .partitions())
                    .hasSize(3);
        }
    }

    @Test
    void jwt_keys_exist_as_files() {
        assertThat(infrastructure.jwtKeys().publicKeyPem()).exists();
        assertThat(infrastructure.jwtKeys().privateKeyPem()).exists();
    }
}
