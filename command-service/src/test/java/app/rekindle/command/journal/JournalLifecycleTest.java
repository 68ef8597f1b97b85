package app.rekindle.command.journal;

import static app.rekindle.command.journal.JournalFixtures.*;

import app.rekindle.command.journal.JournalCommand.AmendEntry;
import app.rekindle.command.journal.JournalCommand.CancelDate;
import app.rekindle.command.journal.JournalCommand.CheckIn;
import app.rekindle.command.journal.JournalCommand.CloseJournal;
import app.rekindle.command.journal.JournalCommand.CompleteStep;
import app.rekindle.command.journal.JournalCommand.EraseJournal;
import app.rekindle.command.journal.JournalCommand.LogConversation;
import app.rekindle.command.journal.JournalCommand.LogGesture;
import app.rekindle.command.journal.JournalCommand.LogReflection;
import app.rekindle.command.journal.JournalCommand.MarkDateHappened;
import app.rekindle.command.journal.JournalCommand.PlanDate;
import app.rekindle.command.journal.JournalCommand.ReopenStep;
import app.rekindle.command.journal.JournalCommand.RetractEntry;
import app.rekindle.command.journal.JournalCommand.ShareActivity;
import app.rekindle.command.journal.JournalCommand.StartStep;
import app.rekindle.command.journal.JournalCommand.TakePersonalTime;
import app.rekindle.command.journal.JournalRejection.JournalAlreadyClosed;
import app.rekindle.command.journal.JournalRejection.JournalNotFound;
import app.rekindle.command.journal.JournalRejection.StaleVersion;
import app.rekindle.events.ClosureOutcome;
import app.rekindle.events.JournalEvent.*;
import app.rekindle.events.Step;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JournalLifecycleTest {

    private static final String STRANGER = "mallory";

    private AggregateTestFixture<Journal> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void closing_records_the_outcome() {
        fixture.given(opened())
                .when(new CloseJournal(JOURNAL, OWNER, null, ClosureOutcome.RECONCILED, "We made it"))
                .expectEvents(new JournalClosed(JOURNAL, ClosureOutcome.RECONCILED, "We made it", NOW, NOW));
    }

    @Test
    void closing_needs_an_outcome() {
        fixture.given(opened())
                .when(new CloseJournal(JOURNAL, OWNER, null, null, null))
                .expectNoEvents()
                .expectException(Rejections.invalid("outcome", "required"));
    }

    @Test
    void a_closed_journal_takes_no_new_entries() {
        fixture.given(opened(), closed())
                .when(conversation())
                .expectNoEvents()
                .expectException(JournalAlreadyClosed.class);
    }

    @Test
    void a_closed_journal_takes_no_step_changes() {
        fixture.given(opened(), closed())
                .when(new StartStep(JOURNAL, OWNER, null, Step.COMMUNICATE_OPENLY))
                .expectNoEvents()
                .expectException(JournalAlreadyClosed.class);
    }

    @Test
    void a_closed_journal_cannot_be_closed_again() {
        fixture.given(opened(), closed())
                .when(new CloseJournal(JOURNAL, OWNER, null, ClosureOutcome.PARTED, null))
                .expectNoEvents()
                .expectException(JournalAlreadyClosed.class);
    }

    @Test
    void a_closed_journal_can_still_be_erased() {
        fixture.given(opened(), closed())
                .when(new EraseJournal(JOURNAL, OWNER, null))
                .expectEvents(new JournalErased(JOURNAL, NOW, NOW))
                .expectMarkedDeleted();
    }

    @Test
    void an_erased_journal_takes_nothing_and_answers_like_a_missing_one() {
        fixture.given(opened(), new JournalErased(JOURNAL, NOW, NOW))
                .when(checkIn(4, null))
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
    }

    @ParameterizedTest
    @MethodSource("everyCommandFromAStranger")
    void someone_elses_journal_answers_like_a_missing_one(JournalCommand command) {
        fixture.given(opened(), started(Step.COMMUNICATE_OPENLY, EARLIER), conversationLogged())
                .when(command)
                .expectNoEvents()
                .expectException(JournalNotFound.class);
    }

    @Test
    void a_command_based_on_an_older_version_is_rejected() {
        fixture.given(opened(), started(Step.COMMUNICATE_OPENLY, EARLIER))
                .when(new CheckIn(JOURNAL, OWNER, 0L, ENTRY, 4, 4, null, null))
                .expectNoEvents()
                .expectException(StaleVersion.class);
    }

    @Test
    void a_stranger_naming_a_version_the_journal_never_reached_learns_nothing() {
        fixture.given(opened())
                .when(new CheckIn(JOURNAL, STRANGER, 5L, ENTRY, 4, 4, null, null))
                .expectNoEvents()
                .expectException(JournalNotFound.class);
    }

    @Test
    void a_command_based_on_a_version_the_journal_never_reached_is_rejected() {
        fixture.given(opened())
                .when(new CheckIn(JOURNAL, OWNER, 5L, ENTRY, 4, 4, null, null))
                .expectNoEvents()
                .expectException(StaleVersion.class);
    }

    @Test
    void a_command_based_on_the_current_version_is_accepted() {
        fixture.given(opened(), started(Step.COMMUNICATE_OPENLY, EARLIER))
                .when(new CheckIn(JOURNAL, OWNER, 1L, ENTRY, 4, 4, null, null))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(2L);
    }

    static Stream<JournalCommand> everyCommandFromAStranger() {
        // Deliberately invalid fields too: a stranger must not learn the journal exists from a 400.
        return Stream.of(
                new LogReflection(JOURNAL, STRANGER, null, ENTRY, null, null, null, null, null),
                new LogConversation(
                        JOURNAL, STRANGER, null, ENTRY, null, null, null, null, null, null, null, null, null),
                new LogGesture(JOURNAL, STRANGER, null, ENTRY, EARLIER, null, null),
                new PlanDate(JOURNAL, STRANGER, null, DATE, null, null, null),
                new MarkDateHappened(JOURNAL, STRANGER, null, DATE, 5, null, null),
                new CancelDate(JOURNAL, STRANGER, null, DATE, null),
                new ShareActivity(JOURNAL, STRANGER, null, ENTRY, EARLIER, "x", true, null),
                new TakePersonalTime(JOURNAL, STRANGER, null, ENTRY, EARLIER, null, null, null),
                new CheckIn(JOURNAL, STRANGER, null, ENTRY, 4, 4, null, null),
                new StartStep(JOURNAL, STRANGER, null, Step.REFLECT_ON_THE_PAST),
                new CompleteStep(JOURNAL, STRANGER, null, Step.COMMUNICATE_OPENLY, null),
                new ReopenStep(JOURNAL, STRANGER, null, Step.COMMUNICATE_OPENLY, "x"),
                new AmendEntry(JOURNAL, STRANGER, null, ENTRY, Map.of("feltHeard", 5), null),
                new RetractEntry(JOURNAL, STRANGER, null, ENTRY, null),
                new CloseJournal(JOURNAL, STRANGER, null, ClosureOutcome.PAUSED, null),
                new EraseJournal(JOURNAL, STRANGER, 0L));
    }

    private static JournalClosed closed() {
        return new JournalClosed(JOURNAL, ClosureOutcome.PAUSED, null, NOW, NOW);
    }
}
