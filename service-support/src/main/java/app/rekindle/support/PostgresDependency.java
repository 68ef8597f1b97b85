package app.rekindle.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The service's database, asked with a plain JDBC connection. Only "cannot connect" counts as not there yet
 * (SQL state class 08, or 57P03 while PostgreSQL starts up); a wrong password or a missing database is left to
 * fail the start, since waiting would not fix it.
 */
record PostgresDependency(String url, String username, String password) implements Dependency {

    private static final int LOGIN_TIMEOUT_SECONDS = 5;

    @Override
    public String describe() {
        String address = url == null ? "(no spring.datasource.url)" : url.replaceFirst("^jdbc:[a-z]+://", "");
        int query = address.indexOf('?');
        return "PostgreSQL at " + (query < 0 ? address : address.substring(0, query));
    }

    @Override
    @SuppressWarnings("try") // the connection is opened only to prove it can be; it is never used
    public String problem() {
        if (url == null) {
            return null;
        }
        DriverManager.setLoginTimeout(LOGIN_TIMEOUT_SECONDS);
        try (Connection connection = DriverManager.getConnection(url, username, password)) {
            return null;
        } catch (SQLException e) {
            String state = e.getSQLState();
            boolean unreachable = state != null
                    && (state.startsWith("08") || state.equals("57P03"))
                    && !e.getMessage().startsWith("No suitable driver");
            return unreachable ? e.getClass().getSimpleName() + ": " + e.getMessage() : null;
        }
    }
}
