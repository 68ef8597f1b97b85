package app.rekindle.identity.limits;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How many rows each table that a request could change holds: taken before and after a refused request, the two
 * must be equal. The throttle's table is left out: counting a refused attempt is what it is for.
 */
final class StoredRows {

    private static final List<String> TABLES = List.of(
            "person_account",
            "oauth2_authorization",
            "oauth2_authorization_consent",
            "oauth2_registered_client",
            "user_entities",
            "user_credentials");

    private StoredRows() {}

    static Map<String, Long> of(JdbcClient jdbc) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(
                    table,
                    jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
        }
        // A changed password changes no count.
        counts.put(
                "password hashes",
                jdbc.sql("SELECT coalesce(sum(hashtext(password_hash)), 0) FROM person_account")
                        .query(Long.class)
                        .single());
        return counts;
    }
}
