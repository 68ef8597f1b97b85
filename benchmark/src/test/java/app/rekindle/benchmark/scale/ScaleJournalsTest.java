package app.rekindle.benchmark.scale;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.events.JournalEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScaleJournalsTest {

    @Test
    void every_id_of_a_journal_starts_with_the_journal_s_prefix_and_no_other_journal_s() throws Exception {
        ScaleJournals journals = new ScaleJournals(300);
        List<ScaleJournals.Stored> stored = new ArrayList<>();

        journals.add(0, journals.count(), 3, stored::add);

        for (ScaleJournals.Stored event : stored) {
            String prefix = ScaleJournals.prefix(event.event().journalId());
            assertThat(event.eventId()).startsWith(prefix);
            if (event.event() instanceof JournalEvent.CheckedIn checkIn) {
                assertThat(checkIn.entryId().toString()).startsWith(prefix);
            }
        }
        assertThat(stored.stream()
                        .map(e -> ScaleJournals.prefix(e.event().journalId()))
                        .distinct())
                .hasSize(300);
        assertThat(stored.stream().map(ScaleJournals.Stored::eventId).distinct())
                .hasSize(stored.size());
    }

    @Test
    void a_first_fill_opens_every_journal_and_gives_the_timeline_journal_its_entries() throws Exception {
        ScaleJournals journals = new ScaleJournals(100);
        ScaleJournals.PerJournal plan = journals.perJournal(2_981, 3);
        int perJournal = plan.others();
        List<ScaleJournals.Stored> stored = new ArrayList<>();

        journals.add(0, journals.count(), perJournal, stored::add);

        assertThat(plan).isEqualTo(new ScaleJournals.PerJournal(20, 20));
        assertThat(stored).hasSize(1 + ScaleJournals.TIMELINE_ENTRIES + 99 * perJournal);
        assertThat(stored.stream().filter(e -> e.event() instanceof JournalEvent.JournalOpened))
                .hasSize(100);
        assertThat(journals.eventsPerJournal()).isEqualTo(perJournal);
    }

    @Test
    void a_later_fill_adds_the_same_check_ins_to_every_journal_but_the_timeline_journal() throws Exception {
        ScaleJournals journals = new ScaleJournals(100);
        journals.add(
                0,
                journals.count(),
                journals.perJournal(2_981, Integer.MAX_VALUE).others(),
                e -> {});
        ScaleJournals.PerJournal plan = journals.perJournal(7_900, Integer.MAX_VALUE);
        List<ScaleJournals.Stored> stored = new ArrayList<>();

        journals.add(0, journals.count(), plan.others(), stored::add);

        assertThat(plan).isEqualTo(new ScaleJournals.PerJournal(80, 80));
        assertThat(stored).hasSize((int) journals.events(plan)).hasSize(99 * 80);
        assertThat(stored).noneMatch(e -> e.event().journalId().equals(journals.timelineJournal()));
        assertThat(stored).allMatch(e -> e.event() instanceof JournalEvent.CheckedIn);
    }

    @Test
    void the_live_part_lies_between_the_witness_and_the_cloned_journals() {
        assertThat(ScaleJournals.firstCloned(100_000) - ScaleJournals.WITNESS - 1)
                .isEqualTo(2_000);
        assertThat(new ScaleJournals(2_000).firstCloned()).isEqualTo(ScaleJournals.WITNESS + 1 + 100);
    }

    @Test
    void a_later_fill_gives_the_live_journals_no_more_than_asked_and_the_cloned_ones_the_rest() throws Exception {
        ScaleJournals journals = new ScaleJournals(2_000);
        journals.add(
                0, journals.count(), journals.perJournal(1_001 + 1_999 * 5, 5).others(), e -> {});
        int live = journals.liveJournals();

        ScaleJournals.PerJournal plan = journals.perJournal(1_999 * 40, 5);
        journals.add(0, ScaleJournals.WITNESS + 1, plan.others(), e -> {});
        List<ScaleJournals.Stored> liveEvents = new ArrayList<>();
        journals.add(ScaleJournals.WITNESS + 1, journals.firstCloned(), plan.live(), liveEvents::add);
        journals.add(journals.firstCloned(), journals.count(), plan.others(), e -> {});

        assertThat(live).isEqualTo(100);
        assertThat(plan.live()).isEqualTo(5);
        // The 100 live journals' 35 events each go to the 1,899 others: 40 + ceil(3,500 / 1,899).
        assertThat(plan.others()).isEqualTo(42);
        assertThat(journals.events(plan)).isEqualTo(1_899L * 42 + 100 * 5).isGreaterThanOrEqualTo(1_999 * 40);
        assertThat(liveEvents).hasSize(100 * 5);
        assertThat(journals.eventsPerLiveJournal()).isEqualTo(10);
        assertThat(journals.eventsPerJournal()).isEqualTo(47);
    }
}
