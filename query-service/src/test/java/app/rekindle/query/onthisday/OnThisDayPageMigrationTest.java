package app.rekindle.query.onthisday;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.query.QueryServiceTest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Days written before on-this-day was paged get their entry's instant from the timeline (V9_5). */
class OnThisDayPageMigrationTest extends QueryServiceTest {

    private final String schema =
            "on_this_day_page_" + UUID.randomUUID().toString().replace("-", "");

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void drop() {
        jdbc.sql("drop schema if exists " + schema + " cascade").update();
    }

    @Test
    void days_written_before_get_their_entrys_instant_and_a_day_without_its_entry_goes() {
        UUID journal = UUID.randomUUID();
        UUID entry = UUID.randomUUID();
        UUID orphan = UUID.randomUUID();
        Instant at = Instant.parse("2025-03-15T09:30:00Z");
        migrate("9.4");
        jdbc.sql("insert into " + schema + ".timeline_entry (entry_id, journal_id, kind, occurred_at, recorded_at,"
                        + " fields, revision) values (:entry, :journal, 'CHECK_IN', :at, :at, '{}', 1)")
                .param("entry", entry)
                .param("journal", journal)
                .param("at", OffsetDateTime.parse(at.toString()))
                .update();
        jdbc.sql("insert into " + schema + ".on_this_day_entry (entry_id, journal_id, day, day_of_month, retracted)"
                        + " values (:entry, :journal, date '2025-03-15', 15, false),"
                        + " (:orphan, :journal, date '2025-03-15', 15, false)")
                .param("entry", entry)
                .param("orphan", orphan)
                .param("journal", journal)
                .update();

        migrate(null);

        assertThat(jdbc.sql("select entry_id from " + schema + ".on_this_day_entry")
                        .query(UUID.class)
                        .list())
                .containsExactly(entry);
        assertThat(jdbc.sql("select occurred_at from " + schema + ".on_this_day_entry")
                        .query(OffsetDateTime.class)
                        .single()
                        .toInstant())
                .isEqualTo(at);
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
