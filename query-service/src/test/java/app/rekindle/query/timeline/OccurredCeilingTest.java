package app.rekindle.query.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.events.JournalEvent.CheckedIn;
import app.rekindle.events.JournalEvent.EntryAmended;
import app.rekindle.events.JournalEvent.EntryRetracted;
import app.rekindle.events.JournalEvent.JournalOpened;
import app.rekindle.events.PublishedEvent;
import app.rekindle.query.QueryServiceTest;
import app.rekindle.query.TestJournal;
import app.rekindle.query.projection.Incoming;
import app.rekindle.query.projection.Projector;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The occurred ceiling (V9_3) only tells the as-of walk where to start: whichever rows the batches left, it is
 * at or above every moment valid by then, and every page as of every version is the versions valid then.
 */
class OccurredCeilingTest extends QueryServiceTest {

    private static final TimelineFilter EVERYTHING = new TimelineFilter(null, null, null, null, null, true, 100, null);

    @Autowired
    Projector projector;

    @Autowired
    TimelineQuery timeline;

    @Autowired
    JdbcClient jdbc;

    @Test
    void every_page_as_of_every_version_is_the_versions_valid_then_whatever_the_batches() {
        Random random = new Random(17);
        TestJournal journal = new TestJournal("ceiling-" + UUID.randomUUID());
        List<PublishedEvent> events = randomEvents(journal, random, 110);
        int from = 0;
        while (from < events.size()) {
            int to = Math.min(events.size(), from + 1 + random.nextInt(50));
            projector.applyAllUncounted(
                    events.subList(from, to).stream().map(Incoming::direct).toList());
            from = to;
        }

        for (long version = 0; version < events.size(); version++) {
            assertThat(ids(timeline.page(journal.id, EVERYTHING, version).entries()))
                    .as("as of version %d", version)
                    .isEqualTo(validAt(journal.id, version));
            Timestamp ceiling = ceiling(journal.id, version);
            Timestamp highest = highestBy(journal.id, version);
            if (highest != null) {
                assertThat(ceiling).as("ceiling as of version %d", version).isAfterOrEqualTo(highest);
            }
        }
        // guards against an agreement the data never tested: moments went back, and most versions share a row
        assertThat(validAt(journal.id, events.size() - 1)).hasSizeGreaterThan(50);
        assertThat(jdbc.sql("select count(*) from timeline_entry_version where journal_id = :id and valid_from > 0"
                                + " and occurred_at < (select max(occurred_at) from timeline_entry_version v"
                                + " where v.journal_id = :id and v.valid_from < timeline_entry_version.valid_from)")
                        .param("id", journal.id)
                        .query(Long.class)
                        .single())
                .isGreaterThan(5L);
        assertThat(jdbc.sql("select count(*) from timeline_occurred_ceiling where journal_id = :id")
                        .param("id", journal.id)
                        .query(Long.class)
                        .single())
                .isLessThan(events.size() / 4L);
    }

    /** Check-ins that mostly happen later and later, some back-dated, some amended to another moment or retracted. */
    private static List<PublishedEvent> randomEvents(TestJournal journal, Random random, int count) {
        List<PublishedEvent> events = new ArrayList<>();
        List<UUID> entries = new ArrayList<>();
        int minute = 0;
        events.add(journal.publish(new JournalOpened(
                journal.id, journal.owner, "Sam", "Find our way back", "Europe/Berlin", at(0), at(0))));
        while (events.size() < count) {
            minute += 10;
            int roll = random.nextInt(10);
            if (roll == 0 && !entries.isEmpty()) {
                UUID entry = entries.get(random.nextInt(entries.size()));
                String moved = at(minute - random.nextInt(minute) + random.nextInt(100))
                        .toString();
                events.add(journal.publish(new EntryAmended(
                        journal.id, entry, Map.of("occurredAt", moved), "wrong time", at(minute), at(minute))));
            } else if (roll == 1 && !entries.isEmpty()) {
                UUID entry = entries.remove(random.nextInt(entries.size()));
                events.add(journal.publish(new EntryRetracted(journal.id, entry, "not so", at(minute), at(minute))));
            } else {
                Instant occurred = roll < 4 ? at(minute - random.nextInt(minute)) : at(minute);
                CheckedIn checkIn = new CheckedIn(journal.id, UUID.randomUUID(), 3, 4, "fine", occurred, at(minute));
                entries.add(checkIn.entryId());
                events.add(journal.publish(checkIn));
            }
        }
        return events;
    }

    private static Instant at(int minute) {
        return TestJournal.START.plus(Duration.ofMinutes(minute));
    }

    private static List<UUID> ids(List<TimelineEntry> entries) {
        return entries.stream().map(TimelineEntry::entryId).toList();
    }

    /** The versions valid at the version, newest first, read without the ceiling. */
    private List<UUID> validAt(UUID journalId, long version) {
        return jdbc.sql("""
                        select entry_id from timeline_entry_version
                        where journal_id = :id and valid_from <= :v and (valid_to is null or valid_to > :v)
                        order by occurred_at desc, entry_id desc""")
                .param("id", journalId)
                .param("v", version)
                .query(UUID.class)
                .list();
    }

    private Timestamp highestBy(UUID journalId, long version) {
        return jdbc.sql(
                        "select max(occurred_at) from timeline_entry_version where journal_id = :id and valid_from <= :v")
                .param("id", journalId)
                .param("v", version)
                .query((rs, n) -> rs.getTimestamp(1))
                .list()
                .getFirst();
    }

    private Timestamp ceiling(UUID journalId, long version) {
        return jdbc.sql("""
                        select ceiling from timeline_occurred_ceiling where journal_id = :id and valid_from <= :v
                        order by valid_from desc limit 1""")
                .param("id", journalId)
                .param("v", version)
                .query(Timestamp.class)
                .optional()
                .orElse(null);
    }
}
