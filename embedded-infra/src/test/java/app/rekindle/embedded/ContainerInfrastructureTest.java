package app.rekindle.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

/** Runs only where Docker is: there the shared infrastructure must be containers, not the embedded servers. */
@Testcontainers(disabledWithoutDocker = true)
class ContainerInfrastructureTest {

    @Test
    void with_docker_the_tests_run_against_postgres_and_kafka_containers() throws Exception {
        SharedTestInfrastructure infrastructure = SharedTestInfrastructure.get();
        assertThat(infrastructure.provider()).isEqualTo(SharedTestInfrastructure.Provider.CONTAINERS);
        try (Connection connection = DriverManager.getConnection(
                        infrastructure.jdbcUrl("public"),
                        infrastructure.postgres().username(),
                        infrastructure.postgres().password());
                ResultSet version = connection.createStatement().executeQuery("show server_version")) {
            assertThat(version.next()).isTrue();
            assertThat(version.getString(1)).startsWith("16");
        }
    }
}
