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
        int perJournal = journals.perJournal(2_981);
        List<ScaleJournals.Stored> stored = new ArrayList<>();

        journals.add(0, journals.count(), perJournal, stored::add);

        assertThat(perJournal).isEqualTo(20);
        assertThat(stored).hasSize(1 + ScaleJournals.TIMELINE_ENTRIES + 99 * perJournal);
        assertThat(stored.stream().filter(e -> e.event() instanceof JournalEvent.JournalOpened))
                .hasSize(100);
        assertThat(journals.eventsPerJournal()).isEqualTo(perJournal);
    }

    @Test
    void a_later_fill_adds_the_same_check_ins_to_every_journal_but_the_timeline_journal() throws Exception {
        ScaleJournals journals = new ScaleJournals(100);
        journals.add(0, journals.count(), journals.perJournal(2_981), e -> {});
        int perJournal = journals.perJournal(7_900);
        List<ScaleJournals.Stored> stored = new ArrayList<>();

        journals.add(0, journals.count(), perJournal, stored::add);

        assertThat(perJournal).isEqualTo(80);
        assertThat(stored).hasSize((int) journals.events(perJournal)).hasSize(99 * 80);
        assertThat(stored).noneMatch(e -> e.event().journalId().equals(journals.timelineJournal()));
        assertThat(stored).allMatch(e -> e.event() instanceof JournalEvent.CheckedIn);
    }

    @Test
    void the_live_part_lies_between_the_witness_and_the_cloned_journals() {
        assertThat(ScaleJournals.firstCloned(100_000) - ScaleJournals.WITNESS - 1)
                .isEqualTo(2_000);
        assertThat(new ScaleJournals(2_000).firstCloned()).isEqualTo(ScaleJournals.WITNESS + 1 + 100);
    }
}
