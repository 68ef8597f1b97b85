package app.rekindle.query.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.events.PublishedEvent;
import app.rekindle.query.QueryServiceTest;
import app.rekindle.query.TestJournal;
import app.rekindle.query.projection.Incoming;
import app.rekindle.query.projection.Projector;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A page as of a past version walks the version index newest first and stops after the page, even when the
 * table's statistics do not know the journal yet. A journal imported into a large table is exactly that: too
 * few of its rows to trigger an autoanalyze, so the planner estimates it a few dozen rows and, left to itself,
 * reads every version of the journal below the ceiling and sorts them (the full benchmark run of 2026-12-05:
 * 16 ms a page on a 20,000-entry journal, 3.8 ms on a 1,000-entry one).
 */
class AsOfWalkPlanTest extends QueryServiceTest {

    private static final TimelineFilter PAGE = new TimelineFilter(null, null, null, null, null, false, 20, null);

    @Autowired
    Projector projector;

    @Autowired
    TimelineQuery timeline;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void a_page_as_of_the_middle_of_a_long_journal_the_statistics_do_not_know_reads_about_a_page_of_rows() {
        // Many short journals, analyzed: the statistics then expect a few dozen rows of a journal they do not know.
        for (int j = 0; j < 300; j++) {
            project(checkIns(new TestJournal("short-" + UUID.randomUUID()), 40));
        }
        jdbc.sql("analyze timeline_entry_version").update();
        jdbc.sql("analyze timeline_occurred_ceiling").update();
        TestJournal longJournal = new TestJournal("long-" + UUID.randomUUID());
        List<PublishedEvent> events = checkIns(longJournal, 3_000);
        project(events);
        long middle = events.size() / 2;

        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        long fetched = readOnly.execute(status -> {
            long before = fetchedVersions();
            assertThat(timeline.page(longJournal.id, PAGE, middle).entries()).hasSize(20);
            return fetchedVersions() - before;
        });

        // a page and its one extra row, plus fewer than a ceiling group's versions above them; not the 1,500 below
        assertThat(fetched).isBetween(21L, 80L);
    }

    /**
     * Rows of the version table this transaction fetched so far, PostgreSQL's own per-transaction count: a bitmap
     * scan counts them on the table, an index scan on its index.
     */
    private long fetchedVersions() {
        return jdbc.sql("""
                        select pg_stat_get_xact_tuples_fetched('timeline_entry_version'::regclass)
                               + (select sum(pg_stat_get_xact_tuples_fetched(indexrelid)) from pg_index
                                  where indrelid = 'timeline_entry_version'::regclass)""").query(Long.class).single();
    }

    private void project(List<PublishedEvent> events) {
        for (int from = 0; from < events.size(); from += 500) {
            projector.applyAllUncounted(events.subList(from, Math.min(events.size(), from + 500)).stream()
                    .map(Incoming::direct)
                    .toList());
        }
    }

    private static List<PublishedEvent> checkIns(TestJournal journal, int count) {
        List<PublishedEvent> events = new ArrayList<>();
        events.add(journal.publish(journal.opened()));
        for (int i = 0; i < count; i++) {
            events.add(journal.publish(journal.checkIn("day " + i)));
        }
        return events;
    }
}
