package app.rekindle.query.history;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.events.JournalEvent;
import app.rekindle.events.JournalEvent.CheckedIn;
import app.rekindle.events.JournalEvent.EntryAmended;
import app.rekindle.events.JournalEvent.JournalOpened;
import app.rekindle.events.PublishedEvent;
import app.rekindle.query.QueryServiceTest;
import app.rekindle.query.TestJournal;
import app.rekindle.query.projection.Incoming;
import app.rekindle.query.projection.Projector;
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
 * The recorded floor the projection keeps is V9_1's definition, the earliest recorded_at from an event onwards,
 * however the events come in batches and wherever a clock was set back.
 */
class RecordedFloorTest extends QueryServiceTest {

    @Autowired
    Projector projector;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_clock_set_back_inside_one_batch_lowers_the_floors_of_the_events_before_it() {
        TestJournal journal = new TestJournal("floor-" + UUID.randomUUID());
        List<PublishedEvent> events = events(journal, 10, 11, 12, 9, 13, 13, 8, 14, 15, 12);

        projector.applyAllUncounted(direct(events));

        assertThat(floors(journal.id)).containsExactly(8, 8, 8, 8, 8, 8, 8, 12, 12, 12);
        assertThat(floors(journal.id)).isEqualTo(definition(journal.id));
    }

    @Test
    void a_clock_set_back_in_a_later_batch_lowers_the_floors_earlier_batches_wrote() {
        TestJournal journal = new TestJournal("floor-" + UUID.randomUUID());
        List<PublishedEvent> events = events(journal, 10, 11, 12, 13, 14, 20, 21, 11, 22, 23, 9, 24);

        projector.applyAllUncounted(direct(events.subList(0, 5)));
        projector.applyAllUncounted(direct(events.subList(5, 7)));
        assertThat(floors(journal.id)).containsExactly(10, 11, 12, 13, 14, 20, 21);
        // the batch's first event is recorded before the last batch's, a later one before every earlier one
        projector.applyAllUncounted(direct(events.subList(7, 12)));

        assertThat(floors(journal.id)).containsExactly(9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 24);
        assertThat(floors(journal.id)).isEqualTo(definition(journal.id));
    }

    @Test
    void any_batches_of_interleaved_journals_with_clocks_set_back_keep_the_definition() {
        Random random = new Random(17);
        List<TestJournal> journals = new ArrayList<>();
        List<List<PublishedEvent>> perJournal = new ArrayList<>();
        for (int j = 0; j < 4; j++) {
            TestJournal journal = new TestJournal("floor-" + UUID.randomUUID());
            journals.add(journal);
            perJournal.add(randomEvents(journal, random, 80));
        }
        List<PublishedEvent> interleaved = new ArrayList<>();
        int[] next = new int[journals.size()];
        while (interleaved.size() < 4 * 80) {
            int j = random.nextInt(journals.size());
            if (next[j] < 80) {
                interleaved.add(perJournal.get(j).get(next[j]++));
            }
        }
        int from = 0;
        while (from < interleaved.size()) {
            int to = Math.min(interleaved.size(), from + 1 + random.nextInt(60));
            projector.applyAllUncounted(direct(interleaved.subList(from, to)));
            from = to;
        }

        for (TestJournal journal : journals) {
            List<Integer> floors = floors(journal.id);
            assertThat(floors).hasSize(80).isEqualTo(definition(journal.id));
            // guards against an agreement the data never tested: the clocks went back often enough to matter
            assertThat(floors).isNotEqualTo(recorded(journal.id));
        }
    }

    /** Opened, then check-ins, recorded at the given minutes after the start. */
    private static List<PublishedEvent> events(TestJournal journal, int... minutes) {
        List<PublishedEvent> events = new ArrayList<>();
        events.add(journal.publish(opened(journal, at(minutes[0]))));
        for (int i = 1; i < minutes.length; i++) {
            events.add(journal.publish(checkIn(journal, at(minutes[i]))));
        }
        return events;
    }

    /**
     * Clocks that mostly rise and sometimes go back, and now and then an amendment, which makes the batch run
     * what it queued before reading the entry.
     */
    private static List<PublishedEvent> randomEvents(TestJournal journal, Random random, int count) {
        List<PublishedEvent> events = new ArrayList<>();
        List<UUID> entries = new ArrayList<>();
        int minute = 1_000;
        events.add(journal.publish(opened(journal, at(minute))));
        while (events.size() < count) {
            minute += random.nextInt(10) < 2 ? -random.nextInt(200) : random.nextInt(30);
            if (!entries.isEmpty() && random.nextInt(10) == 0) {
                UUID entry = entries.get(random.nextInt(entries.size()));
                events.add(journal.publish(
                        new EntryAmended(journal.id, entry, Map.of("note", "later"), "typo", at(minute), at(minute))));
            } else {
                CheckedIn checkIn = checkIn(journal, at(minute));
                entries.add(checkIn.entryId());
                events.add(journal.publish(checkIn));
            }
        }
        return events;
    }

    private static JournalEvent opened(TestJournal journal, Instant at) {
        return new JournalOpened(journal.id, journal.owner, "Sam", "Find our way back", "Europe/Berlin", at, at);
    }

    private static CheckedIn checkIn(TestJournal journal, Instant at) {
        return new CheckedIn(journal.id, UUID.randomUUID(), 3, 4, "fine", at, at);
    }

    private static Instant at(int minute) {
        return TestJournal.START.plus(Duration.ofMinutes(minute));
    }

    private List<Integer> floors(UUID journalId) {
        return minutes("select recorded_floor from journal_event where journal_id = :id order by sequence", journalId);
    }

    private List<Integer> recorded(UUID journalId) {
        return minutes("select recorded_at from journal_event where journal_id = :id order by sequence", journalId);
    }

    /** V9_1's definition, over the rows as they stand. */
    private List<Integer> definition(UUID journalId) {
        return minutes("""
                        select min(recorded_at) over (partition by journal_id order by sequence desc)
                        from journal_event where journal_id = :id order by sequence""", journalId);
    }

    private List<Integer> minutes(String sql, UUID journalId) {
        return jdbc.sql(sql)
                .param("id", journalId)
                .query((rs, n) -> (int)
                        Duration.between(TestJournal.START, rs.getTimestamp(1).toInstant())
                                .toMinutes())
                .list();
    }

    private static List<Incoming> direct(List<PublishedEvent> events) {
        return events.stream().map(Incoming::direct).toList();
    }
}
