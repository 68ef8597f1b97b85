package app.rekindle.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

    @Test
    void server_accepts_sql_in_a_created_database() throws SQLException {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(null, 0)) {
            postgres.createDatabaseIfMissing("rekindle");
            postgres.createDatabaseIfMissing("rekindle");

            try (Connection connection = connect(postgres, "public");
                    ResultSet result = connection.createStatement().executeQuery("SELECT current_database(), 1 + 1")) {
                result.next();
                assertThat(result.getString(1)).isEqualTo("rekindle");
                assertThat(result.getInt(2)).isEqualTo(2);
            }
        }
    }

    @Test
    void jdbc_url_selects_the_schema() throws SQLException {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(null, 0)) {
            postgres.createDatabaseIfMissing("rekindle");
            try (Connection connection = connect(postgres, "public")) {
                connection.createStatement().execute("CREATE SCHEMA events");
            }
            try (Connection connection = connect(postgres, "events")) {
                assertThat(connection.getSchema()).isEqualTo("events");
                assertThat(postgres.jdbcUrl("rekindle", "events"))
                        .isEqualTo("jdbc:postgresql://localhost:" + postgres.port() + "/rekindle?currentSchema=events");
            }
        }
    }

    @Test
    void a_commit_is_answered_only_once_it_is_on_disk() throws SQLException {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(null, 0)) {
            postgres.createDatabaseIfMissing("rekindle");
            try (Connection connection = connect(postgres, "public");
                    ResultSet result = connection
                            .createStatement()
                            .executeQuery("SELECT current_setting('synchronous_commit'), current_setting('fsync')")) {
                result.next();
                assertThat(result.getString(1)).isEqualTo("on");
                assertThat(result.getString(2)).isEqualTo("on");
            }
        }
    }

    @Test
    void data_survives_a_restart_with_the_same_data_directory(@TempDir Path dataDir) throws SQLException {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir, 0)) {
            postgres.createDatabaseIfMissing("rekindle");
            try (Connection connection = connect(postgres, "public");
                    Statement sql = connection.createStatement()) {
                sql.execute("CREATE TABLE memories (what text)");
                sql.execute("INSERT INTO memories VALUES ('first dance')");
            }
        }

        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir, 0);
                Connection connection = connect(postgres, "public");
                ResultSet result = connection.createStatement().executeQuery("SELECT what FROM memories")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).isEqualTo("first dance");
        }
    }

    private static Connection connect(EmbeddedPostgresServer postgres, String schema) throws SQLException {
        return DriverManager.getConnection(
                postgres.jdbcUrl("rekindle", schema), postgres.username(), postgres.password());
    }
}
