package app.rekindle.embedded;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/** A running PostgreSQL, embedded or in a container: what tests and the launcher need to know of it. */
public interface PostgresServer {

    int port();

    String jdbcUrl(String database, String schema);

    String username();

    String password();

    default void createDatabaseIfMissing(String database) {
        try (Connection connection =
                        DriverManager.getConnection(jdbcUrl("postgres", "public"), username(), password());
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            if (exists.executeQuery().next()) {
                return;
            }
            try (Statement create = connection.createStatement()) {
                // CREATE DATABASE takes no bind parameters, hence the quoted identifier.
                create.execute("CREATE DATABASE \"" + database.replace("\"", "\"\"") + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database, e);
        }
    }
}
