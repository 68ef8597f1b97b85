package app.rekindle.command.journal;

import static app.rekindle.command.journal.JournalFixtures.*;

import app.rekindle.command.journal.JournalCommand.CheckIn;
import app.rekindle.command.journal.JournalCommand.LogEntries;
import app.rekindle.command.journal.JournalCommand.NewEntry;
import app.rekindle.command.journal.JournalRejection.EntryAlreadyExists;
import app.rekindle.command.journal.JournalRejection.InvalidField;
import app.rekindle.command.journal.JournalRejection.ItemRejected;
import app.rekindle.command.journal.JournalRejection.JournalAlreadyClosed;
import app.rekindle.command.journal.JournalRejection.JournalNotFound;
import app.rekindle.command.journal.JournalRejection.StaleVersion;
import app.rekindle.events.ClosureOutcome;
import app.rekindle.events.JournalEvent.*;
import app.rekindle.events.Step;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A batch of new entries (offline sync): the single commands' rules, for every item, and all or nothing. */
class LoggingEntriesInBatchesTest {

    private static final UUID FIRST = UUID.fromString("00000000-0000-4000-8000-0000000000b1");
    private static final UUID SECOND = UUID.fromString("00000000-0000-4000-8000-0000000000b2");

    private AggregateTestFixture<Journal> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void a_batch_records_every_entry_in_order_and_answers_the_version_after_each() {
        fixture.given(opened())
                .when(batch(null, checkIn(FIRST, 4), planDate(), checkIn(SECOND, 2)))
                .expectEvents(
                        new CheckedIn(JOURNAL, FIRST, 4, 3, null, EARLIER, NOW),
                        started(Step.REKINDLE_ROMANCE, NOW),
                        datePlanned(),
                        new CheckedIn(JOURNAL, SECOND, 2, 3, null, EARLIER, NOW))
                .expectResultMessagePayload(List.of(1L, 3L, 4L));
    }

    @Test
    void an_entry_id_the_journal_already_has_rejects_the_whole_batch_naming_the_item() {
        fixture.given(opened(), new CheckedIn(JOURNAL, SECOND, 2, 3, null, EARLIER, NOW))
                .when(batch(null, checkIn(FIRST, 4), checkIn(SECOND, 5)))
                .expectNoEvents()
                .expectException(itemRejected(1, EntryAlreadyExists.class));
    }

    @Test
    void an_entry_id_used_twice_in_one_batch_rejects_it_at_the_second_use() {
        fixture.given(opened())
                .when(batch(null, checkIn(FIRST, 4), checkIn(FIRST, 5)))
                .expectNoEvents()
                .expectException(itemRejected(1, EntryAlreadyExists.class));
    }

    @Test
    void an_item_breaking_a_field_rule_rejects_the_whole_batch_naming_the_item_and_the_field() {
        fixture.given(opened())
                .when(batch(null, checkIn(FIRST, 4), checkIn(SECOND, 9)))
                .expectNoEvents()
                .expectException(itemRejected(1, InvalidField.class));
    }

    @Test
    void a_batch_on_a_closed_journal_is_rejected_like_a_single_entry() {
        fixture.given(opened(), new JournalClosed(JOURNAL, ClosureOutcome.PAUSED, null, NOW, NOW))
                .when(batch(null, checkIn(FIRST, 4)))
                .expectNoEvents()
                .expectException(JournalAlreadyClosed.class);
    }

    @Test
    void a_batch_based_on_an_older_version_is_rejected_as_stale() {
        fixture.given(opened(), new CheckedIn(JOURNAL, SECOND, 2, 3, null, EARLIER, NOW))
                .when(batch(0L, checkIn(FIRST, 4)))
                .expectNoEvents()
                .expectException(StaleVersion.class);
    }

    @Test
    void a_batch_on_someone_elses_journal_answers_like_a_missing_journal() {
        fixture.given(opened())
                .when(new LogEntries(JOURNAL, "mallory", null, List.of(checkIn(FIRST, 4))))
                .expectNoEvents()
                .expectException(JournalNotFound.class);
    }

    private static LogEntries batch(Long expectedVersion, NewEntry... entries) {
        return new LogEntries(JOURNAL, OWNER, expectedVersion, List.of(entries));
    }

    private static CheckIn checkIn(UUID entryId, int mood) {
        return new CheckIn(JOURNAL, OWNER, null, entryId, mood, 3, null, EARLIER);
    }

    private static Matcher<ItemRejected> itemRejected(int item, Class<? extends JournalRejection> rejection) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(ItemRejected e) {
                return e.item() == item && rejection.isInstance(e.rejection());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("ItemRejected(" + item + ", " + rejection.getSimpleName() + ")");
            }
        };
    }
}
