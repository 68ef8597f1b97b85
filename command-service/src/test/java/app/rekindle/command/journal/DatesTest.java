package app.rekindle.command.journal;

import static app.rekindle.command.journal.JournalFixtures.*;
import static app.rekindle.command.journal.Rejections.invalid;

import app.rekindle.command.journal.JournalCommand.CancelDate;
import app.rekindle.command.journal.JournalCommand.MarkDateHappened;
import app.rekindle.command.journal.JournalRejection.DateAlreadyResolved;
import app.rekindle.command.journal.JournalRejection.EntryAlreadyRetracted;
import app.rekindle.command.journal.JournalRejection.EntryNotFound;
import app.rekindle.events.JournalEvent.*;
import app.rekindle.events.Step;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DatesTest {

    private AggregateTestFixture<Journal> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void a_planned_date_can_happen_with_a_rating_and_a_memory() {
        fixture.given(opened(), started(Step.REKINDLE_ROMANCE, NOW), datePlanned())
                .when(new MarkDateHappened(JOURNAL, OWNER, null, DATE, 5, "Like the first time", EARLIER))
                .expectEvents(new DateHappened(JOURNAL, DATE, 5, "Like the first time", EARLIER, NOW))
                .expectResultMessagePayload(3L);
    }

    @Test
    void a_date_without_a_time_happened_now() {
        fixture.given(opened(), started(Step.REKINDLE_ROMANCE, NOW), datePlanned())
                .when(new MarkDateHappened(JOURNAL, OWNER, null, DATE, 4, null, null))
                .expectEvents(new DateHappened(JOURNAL, DATE, 4, null, NOW, NOW));
    }

    @Test
    void a_date_rating_outside_one_to_five_is_rejected() {
        fixture.given(opened(), started(Step.REKINDLE_ROMANCE, NOW), datePlanned())
                .when(new MarkDateHappened(JOURNAL, OWNER, null, DATE, 0, null, null))
                .expectNoEvents()
                .expectException(invalid("rating", "range"));
    }

    @Test
    void a_planned_date_can_be_cancelled() {
        fixture.given(opened(), started(Step.REKINDLE_ROMANCE, NOW), datePlanned())
                .when(new CancelDate(JOURNAL, OWNER, null, DATE, "Sam was ill"))
                .expectEvents(new DateCancelled(JOURNAL, DATE, "Sam was ill", NOW, NOW));
    }

    @Test
    void a_date_that_happened_cannot_happen_again() {
        fixture.given(
                        opened(),
                        started(Step.REKINDLE_ROMANCE, NOW),
                        datePlanned(),
                        new DateHappened(JOURNAL, DATE, 5, null, NOW, NOW))
                .when(new MarkDateHappened(JOURNAL, OWNER, null, DATE, 4, null, null))
                .expectNoEvents()
                .expectException(DateAlreadyResolved.class);
    }

    @Test
    void a_cancelled_date_cannot_happen() {
        fixture.given(
                        opened(),
                        started(Step.REKINDLE_ROMANCE, NOW),
                        datePlanned(),
                        new DateCancelled(JOURNAL, DATE, null, NOW, NOW))
                .when(new MarkDateHappened(JOURNAL, OWNER, null, DATE, 4, null, null))
                .expectNoEvents()
                .expectException(DateAlreadyResolved.class);
    }

    @Test
    void a_date_that_happened_cannot_be_cancelled() {
        fixture.given(
                        opened(),
                        started(Step.REKINDLE_ROMANCE, NOW),
                        datePlanned(),
                        new DateHappened(JOURNAL, DATE, 5, null, NOW, NOW))
                .when(new CancelDate(JOURNAL, OWNER, null, DATE, null))
                .expectNoEvents()
                .expectException(DateAlreadyResolved.class);
    }

    @Test
    void a_retracted_date_cannot_happen() {
        fixture.given(
                        opened(),
                        started(Step.REKINDLE_ROMANCE, NOW),
                        datePlanned(),
                        new EntryRetracted(JOURNAL, DATE, null, NOW, NOW))
                .when(new MarkDateHappened(JOURNAL, OWNER, null, DATE, 4, null, null))
                .expectNoEvents()
                .expectException(EntryAlreadyRetracted.class);
    }

    @Test
    void an_unknown_date_is_not_found() {
        fixture.given(opened())
                .when(new CancelDate(JOURNAL, OWNER, null, UUID.randomUUID(), null))
                .expectNoEvents()
                .expectException(EntryNotFound.class);
    }

    @Test
    void an_entry_that_is_not_a_date_is_not_found_as_a_date() {
        fixture.given(opened(), started(Step.COMMUNICATE_OPENLY, EARLIER), conversationLogged())
                .when(new MarkDateHappened(JOURNAL, OWNER, null, ENTRY, 4, null, null))
                .expectNoEvents()
                .expectException(EntryNotFound.class);
    }
}
