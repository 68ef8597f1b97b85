package app.rekindle.query.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.query.QueryServiceTest;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Views written while entries were keyed by entry id alone, migrated to keys per journal (V9_4). */
class EntryKeyMigrationTest extends QueryServiceTest {

    private final String schema = "entry_keys_" + UUID.randomUUID().toString().replace("-", "");

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void drop() {
        jdbc.sql("drop schema if exists " + schema + " cascade").update();
    }

    @Test
    void revisions_written_before_get_their_entrys_journal_and_another_journal_may_then_use_the_id() {
        UUID journal = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID entry = UUID.randomUUID();
        migrate("9.3");
        jdbc.sql("insert into " + schema + ".timeline_entry (entry_id, journal_id, kind, occurred_at, recorded_at,"
                        + " fields, revision) values (:entry, :journal, 'CHECK_IN', now(), now(), '{}', 2)")
                .param("entry", entry)
                .param("journal", journal)
                .update();
        jdbc.sql("insert into " + schema
                        + ".timeline_entry_revision (entry_id, revision, sequence, recorded_at, fields,"
                        + " changes) values (:entry, 1, 1, now(), '{}', '{}'), (:entry, 2, 2, now(), '{}', '{}')")
                .param("entry", entry)
                .update();

        migrate(null);
        jdbc.sql("insert into " + schema + ".timeline_entry (entry_id, journal_id, kind, occurred_at, recorded_at,"
                        + " fields, revision) values (:entry, :journal, 'CHECK_IN', now(), now(), '{}', 1)")
                .param("entry", entry)
                .param("journal", other)
                .update();
        jdbc.sql("insert into " + schema + ".timeline_entry_revision (journal_id, entry_id, revision, sequence,"
                        + " recorded_at, fields, changes) values (:journal, :entry, 1, 1, now(), '{}', '{}')")
                .param("entry", entry)
                .param("journal", other)
                .update();

        assertThat(jdbc.sql("select journal_id, count(*) as revisions from " + schema
                                + ".timeline_entry_revision where entry_id = :entry group by journal_id")
                        .param("entry", entry)
                        .query()
                        .listOfRows())
                .containsExactlyInAnyOrder(
                        Map.of("journal_id", journal, "revisions", 2L), Map.of("journal_id", other, "revisions", 1L));
        jdbc.sql("delete from " + schema + ".timeline_entry where journal_id = :journal")
                .param("journal", journal)
                .update();
        assertThat(jdbc.sql("select journal_id from " + schema + ".timeline_entry_revision where entry_id = :entry")
                        .param("entry", entry)
                        .query(UUID.class)
                        .list())
                .containsExactly(other);
    }

    /** Migrates the scratch schema up to the version, or to the latest if null. */
    private void migrate(String target) {
        var flyway = Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .locations("classpath:db/migration");
        (target == null ? flyway : flyway.target(target)).load().migrate();
    }
}
