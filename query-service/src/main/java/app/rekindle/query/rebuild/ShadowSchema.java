package app.rekindle.query.rebuild;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The schema a rebuild writes into, beside the live one, and the switch between them. The switch renames
 * schemas in one transaction and drops the old one, so readers see either the old views or the new ones,
 * and cached statements re-resolve the live schema's name to the new tables.
 */
@Component
class ShadowSchema {

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;

    ShadowSchema(JdbcClient jdbc, DataSource dataSource, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transaction = transaction;
    }

    String live() {
        return jdbc.sql("select current_schema()").query(String.class).single();
    }

    /** A fresh, empty copy of the views' tables, migrated by the same Flyway scripts. */
    void create(String shadow) {
        jdbc.sql("drop schema if exists " + quote(shadow) + " cascade").update();
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(shadow)
                .defaultSchema(shadow)
                .createSchemas(true)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    /** Copies the live schema's erased journals into the shadow, so a rebuild refuses to bring them back. */
    void keepErased(String live, String shadow) {
        jdbc.sql("insert into " + quote(shadow) + ".journal_position (journal_id, last_sequence, erased, updated_at)"
                        + " select journal_id, last_sequence, true, updated_at from " + quote(live)
                        + ".journal_position where erased")
                .update();
    }

    /** Runs work in a transaction whose unqualified table names mean the shadow's tables. */
    <T> T inside(String shadow, java.util.function.Supplier<T> work) {
        return transaction.execute(status -> {
            jdbc.sql("select set_config('search_path', :schema, true)")
                    .param("schema", shadow)
                    .query()
                    .singleValue();
            return work.get();
        });
    }

    void switchTo(String shadow, String live) {
        String retired = live + "_retired";
        transaction.executeWithoutResult(status -> {
            jdbc.sql("alter schema " + quote(live) + " rename to " + quote(retired))
                    .update();
            jdbc.sql("alter schema " + quote(shadow) + " rename to " + quote(live))
                    .update();
            jdbc.sql("drop schema " + quote(retired) + " cascade").update();
        });
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
