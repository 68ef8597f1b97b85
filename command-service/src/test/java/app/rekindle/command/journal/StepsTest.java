package app.rekindle.command.journal;

import static app.rekindle.command.journal.JournalFixtures.*;
import static app.rekindle.command.journal.Rejections.invalid;

import app.rekindle.command.journal.JournalCommand.CompleteStep;
import app.rekindle.command.journal.JournalCommand.ReopenStep;
import app.rekindle.command.journal.JournalCommand.StartStep;
import app.rekindle.command.journal.JournalRejection.StepAlreadyCompleted;
import app.rekindle.command.journal.JournalRejection.StepAlreadyStarted;
import app.rekindle.command.journal.JournalRejection.StepNotCompleted;
import app.rekindle.command.journal.JournalRejection.StepNotReady;
import app.rekindle.command.journal.JournalRejection.StepNotStarted;
import app.rekindle.events.JournalEvent.*;
import app.rekindle.events.Step;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StepsTest {

    private static final Step TALK = Step.COMMUNICATE_OPENLY;

    private AggregateTestFixture<Journal> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void a_step_nobody_started_can_be_started() {
        fixture.given(opened())
                .when(new StartStep(JOURNAL, OWNER, null, TALK))
                .expectEvents(new StepStarted(JOURNAL, TALK, NOW, NOW))
                .expectResultMessagePayload(1L);
    }

    @Test
    void a_step_in_progress_cannot_be_started_again() {
        fixture.given(opened(), started(TALK, NOW))
                .when(new StartStep(JOURNAL, OWNER, null, TALK))
                .expectNoEvents()
                .expectException(StepAlreadyStarted.class);
    }

    @Test
    void a_completed_step_cannot_be_started_again() {
        fixture.given(opened(), started(TALK, NOW), conversationLogged(), completed())
                .when(new StartStep(JOURNAL, OWNER, null, TALK))
                .expectNoEvents()
                .expectException(StepAlreadyStarted.class);
    }

    @Test
    void a_step_with_something_logged_can_be_completed() {
        fixture.given(opened(), started(TALK, NOW), conversationLogged())
                .when(new CompleteStep(JOURNAL, OWNER, null, TALK, "We can talk again"))
                .expectEvents(new StepCompleted(JOURNAL, TALK, "We can talk again", NOW, NOW))
                .expectResultMessagePayload(3L);
    }

    @Test
    void completing_a_step_with_nothing_logged_is_rejected() {
        fixture.given(opened(), started(TALK, NOW))
                .when(new CompleteStep(JOURNAL, OWNER, null, TALK, null))
                .expectNoEvents()
                .expectException(StepNotReady.class);
    }

    @Test
    void completing_a_step_whose_only_entry_was_retracted_is_rejected() {
        fixture.given(
                        opened(),
                        started(TALK, NOW),
                        conversationLogged(),
                        new EntryRetracted(JOURNAL, ENTRY, null, NOW, NOW))
                .when(new CompleteStep(JOURNAL, OWNER, null, TALK, null))
                .expectNoEvents()
                .expectException(StepNotReady.class);
    }

    @Test
    void check_ins_count_for_no_step() {
        fixture.given(
                        opened(),
                        started(Step.REFLECT_ON_THE_PAST, NOW),
                        new CheckedIn(JOURNAL, ENTRY, 4, 4, null, NOW, NOW))
                .when(new CompleteStep(JOURNAL, OWNER, null, Step.REFLECT_ON_THE_PAST, null))
                .expectNoEvents()
                .expectException(StepNotReady.class);
    }

    @Test
    void completing_a_step_nobody_started_is_rejected() {
        fixture.given(opened())
                .when(new CompleteStep(JOURNAL, OWNER, null, TALK, null))
                .expectNoEvents()
                .expectException(StepNotStarted.class);
    }

    @Test
    void completing_a_completed_step_is_rejected() {
        fixture.given(opened(), started(TALK, NOW), conversationLogged(), completed())
                .when(new CompleteStep(JOURNAL, OWNER, null, TALK, null))
                .expectNoEvents()
                .expectException(StepAlreadyCompleted.class);
    }

    @Test
    void a_completed_step_can_be_reopened_with_a_reason_and_completed_again() {
        fixture.given(opened(), started(TALK, NOW), conversationLogged(), completed())
                .when(new ReopenStep(JOURNAL, OWNER, null, TALK, "We slipped back"))
                .expectEvents(new StepReopened(JOURNAL, TALK, "We slipped back", NOW, NOW));
        fixture.given(
                        opened(),
                        started(TALK, NOW),
                        conversationLogged(),
                        completed(),
                        new StepReopened(JOURNAL, TALK, "We slipped back", NOW, NOW))
                .when(new CompleteStep(JOURNAL, OWNER, null, TALK, null))
                .expectEvents(new StepCompleted(JOURNAL, TALK, null, NOW, NOW));
    }

    @Test
    void reopening_needs_a_reason() {
        fixture.given(opened(), started(TALK, NOW), conversationLogged(), completed())
                .when(new ReopenStep(JOURNAL, OWNER, null, TALK, null))
                .expectNoEvents()
                .expectException(invalid("reason", "required"));
    }

    @Test
    void a_step_in_progress_cannot_be_reopened() {
        fixture.given(opened(), started(TALK, NOW))
                .when(new ReopenStep(JOURNAL, OWNER, null, TALK, "Why not"))
                .expectNoEvents()
                .expectException(StepNotCompleted.class);
    }

    private static StepCompleted completed() {
        return new StepCompleted(JOURNAL, TALK, null, NOW, NOW);
    }
}
