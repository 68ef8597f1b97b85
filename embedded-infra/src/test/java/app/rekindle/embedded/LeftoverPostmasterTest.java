package app.rekindle.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PostgreSQL left running from a data folder, as a killed launcher leaves it: started by another JVM
 * ({@link PostgresOwner}) that is then killed with SIGKILL, so that no shutdown hook stops the server.
 */
class LeftoverPostmasterTest {

    @Test
    void a_server_left_running_from_the_same_folder_is_stopped_and_the_start_goes_ahead(@TempDir Path dir)
            throws Exception {
        Path dataDir = dir.resolve("postgres");
        int port;
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(dataDir, 0)) {
            port = first.port();
            try (Connection connection = connect(first);
                    Statement sql = connection.createStatement()) {
                sql.execute("CREATE TABLE memories (what text)");
                sql.execute("INSERT INTO memories VALUES ('first dance')");
            }
        }
        ProcessHandle orphan = startInAProcessThatIsThenKilled(dataDir, port);
        assertThat(orphan.isAlive())
                .as("PostgreSQL outlives the process that started it")
                .isTrue();

        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(dataDir, port);
                Connection connection = connect(again);
                ResultSet result = connection.createStatement().executeQuery("SELECT what FROM memories")) {
            assertThat(orphan.isAlive()).isFalse();
            assertThat(postmaster(dataDir).pid()).isNotEqualTo(orphan.pid());
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).isEqualTo("first dance");
        }
    }

    @Test
    @SuppressWarnings("try") // `ours` is never read: the test needs our server running, nothing more
    void a_pid_file_naming_another_folders_server_leaves_that_server_alone(@TempDir Path dir) throws Exception {
        try (EmbeddedPostgresServer other = EmbeddedPostgresServer.start(dir.resolve("other"), 0)) {
            Path dataDir = dir.resolve("postgres");
            EmbeddedPostgresServer.start(dataDir, 0).close();
            long otherPid = postmaster(dir.resolve("other")).pid();
            // As after a crash and a reboot, when the number in the file now belongs to someone else's server.
            Files.write(dataDir.resolve("postmaster.pid"), List.of(Long.toString(otherPid), dataDir.toString()));

            assertThat(LeftoverPostmaster.stopIfRunning(dataDir)).isFalse();
            try (EmbeddedPostgresServer ours = EmbeddedPostgresServer.start(dataDir, 0)) {
                assertThat(postmaster(dataDir).pid()).isNotEqualTo(otherPid);
                assertThat(ProcessHandle.of(otherPid).map(ProcessHandle::isAlive))
                        .contains(true);
                try (Connection connection = DriverManager.getConnection(
                        other.jdbcUrl("postgres", "public"), other.username(), other.password())) {
                    assertThat(connection.isValid(5)).isTrue();
                }
            }
        }
    }

    @Test
    void a_pid_file_of_a_process_that_is_gone_is_no_obstacle(@TempDir Path dir) throws Exception {
        Path dataDir = dir.resolve("postgres");
        EmbeddedPostgresServer.start(dataDir, 0).close();
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.write(dataDir.resolve("postmaster.pid"), List.of(Long.toString(gone.pid()), dataDir.toString()));

        assertThat(LeftoverPostmaster.stopIfRunning(dataDir)).isFalse();
        try (EmbeddedPostgresServer ours = EmbeddedPostgresServer.start(dataDir, 0);
                Connection connection = DriverManager.getConnection(
                        ours.jdbcUrl("postgres", "public"), ours.username(), ours.password())) {
            assertThat(connection.isValid(5)).isTrue();
        }
    }

    private static ProcessHandle startInAProcessThatIsThenKilled(Path dataDir, int port) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process owner = new ProcessBuilder(
                        java,
                        "-Xmx64m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        PostgresOwner.class.getName(),
                        dataDir.toString(),
                        Integer.toString(port))
                .redirectErrorStream(true)
                .start();
        try (BufferedReader output =
                new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8))) {
            // Blocks until the line comes, or the owner ends (then the assertion below fails).
            assertThat(output.lines().anyMatch("postgres started"::equals))
                    .as("the owner started PostgreSQL")
                    .isTrue();
            owner.destroyForcibly().waitFor();
        }
        return postmaster(dataDir);
    }

    private static ProcessHandle postmaster(Path dataDir) throws Exception {
        long pid = Long.parseLong(
                Files.readAllLines(dataDir.resolve("postmaster.pid")).getFirst().trim());
        return ProcessHandle.of(pid).orElseThrow();
    }

    private static Connection connect(EmbeddedPostgresServer postgres) throws SQLException {
        postgres.createDatabaseIfMissing("rekindle");
        return DriverManager.getConnection(
                postgres.jdbcUrl("rekindle", "public"), postgres.username(), postgres.password());
    }
}
