package app.rekindle.launcher.e2e;

import app.rekindle.launcher.EmbeddedStack;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The command service's tables read raw in the stack's PostgreSQL (schema {@code events}), for what no API
 * shows: the stored event payloads and whether a journal's key is shredded.
 */
final class CommandDatabase {

    private final EmbeddedStack stack;

    CommandDatabase(EmbeddedStack stack) {
        this.stack = stack;
    }

    /** The journal's stored events, oldest first, as the text of their payloads. */
    List<String> payloads(String journalId) {
        return column(
                "SELECT convert_from(payload, 'UTF8') FROM domain_event_entry WHERE aggregate_identifier = ?"
                        + " ORDER BY sequence_number",
                journalId);
    }

    /** Shredded as erasure shreds a key: the wrapped key gone, the time it went recorded. */
    boolean keyDestroyed(String journalId) {
        return column(
                        "SELECT (wrapped_key IS NULL AND destroyed_at IS NOT NULL)::text FROM journal_key"
                                + " WHERE journal_id = ?::uuid",
                        journalId)
                .equals(List.of("true"));
    }

    /** How many events the journal has. */
    long eventCount(String journalId) {
        return Long.parseLong(
                column("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", journalId)
                        .getFirst());
    }

    /** Events stored for every journal, and idempotency records kept: what any accepted write adds to. */
    List<String> totals() {
        return List.of(
                column("SELECT count(*) FROM domain_event_entry").getFirst(),
                column("SELECT count(*) FROM idempotency_record").getFirst());
    }

    private List<String> column(String sql, String... parameters) {
        try (Connection connection = DriverManager.getConnection(
                        stack.jdbcUrl("events"), stack.databaseUsername(), stack.databasePassword());
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
