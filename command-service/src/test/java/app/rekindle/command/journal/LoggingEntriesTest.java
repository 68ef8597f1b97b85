package app.rekindle.command.journal;

import static app.rekindle.command.journal.JournalFixtures.*;
import static app.rekindle.command.journal.Rejections.invalid;

import app.rekindle.command.journal.JournalCommand.LogConversation;
import app.rekindle.command.journal.JournalCommand.ShareActivity;
import app.rekindle.command.journal.JournalRejection.EntryAlreadyExists;
import app.rekindle.events.ConversationChannel;
import app.rekindle.events.GestureKind;
import app.rekindle.events.JournalEvent.*;
import app.rekindle.events.Step;
import app.rekindle.events.Whose;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoggingEntriesTest {

    private AggregateTestFixture<Journal> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void logging_into_a_step_nobody_started_starts_the_step_first() {
        fixture.given(opened())
                .when(conversation())
                .expectEvents(started(Step.COMMUNICATE_OPENLY, EARLIER), conversationLogged())
                .expectResultMessagePayload(2L);
    }

    @Test
    void logging_into_a_started_step_records_only_the_entry_and_answers_the_new_version() {
        fixture.given(opened(), started(Step.COMMUNICATE_OPENLY, NOW))
                .when(conversation())
                .expectEvents(conversationLogged())
                .expectResultMessagePayload(2L);
    }

    @Test
    void a_conversation_logged_without_a_channel_says_the_channel_was_not_recorded() {
        LogConversation c = conversation();
        LogConversation withoutChannel = new LogConversation(
                c.journalId(),
                c.requestedBy(),
                null,
                c.entryId(),
                c.occurredAt(),
                c.topic(),
                c.initiatedBy(),
                c.minutes(),
                c.feltHeard(),
                c.listenedWell(),
                c.outcome(),
                null,
                c.notes());
        ConversationLogged e = conversationLogged();
        fixture.given(opened(), started(Step.COMMUNICATE_OPENLY, NOW))
                .when(withoutChannel)
                .expectEvents(new ConversationLogged(
                        e.journalId(),
                        e.entryId(),
                        e.topic(),
                        e.initiatedBy(),
                        e.minutes(),
                        e.feltHeard(),
                        e.listenedWell(),
                        e.outcome(),
                        ConversationChannel.NOT_RECORDED,
                        e.notes(),
                        e.occurredAt(),
                        e.recordedAt()));
    }

    @Test
    void a_reflection_happened_at_the_start_of_its_day_in_the_journals_time_zone() {
        Instant startOfDayInBerlin = Instant.parse("2026-02-26T23:00:00Z");
        fixture.given(opened())
                .when(reflection(LocalDate.of(2026, 2, 27), "We stopped talking"))
                .expectEvents(
                        started(Step.REFLECT_ON_THE_PAST, startOfDayInBerlin),
                        new ReflectionLogged(
                                JOURNAL,
                                ENTRY,
                                LocalDate.of(2026, 2, 27),
                                "We stopped talking",
                                "I withdrew",
                                null,
                                "Say it early",
                                startOfDayInBerlin,
                                NOW));
    }

    @Test
    void a_reflection_longer_than_a_long_text_is_rejected() {
        fixture.given(opened())
                .when(reflection(LocalDate.of(2026, 2, 27), text(4001)))
                .expectNoEvents()
                .expectException(invalid("text", "max-length"));
    }

    @Test
    void a_reflection_of_exactly_a_long_text_is_accepted() {
        fixture.given(opened())
                .when(reflection(LocalDate.of(2026, 2, 27), text(4000)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_reflection_on_a_day_after_tomorrow_is_rejected() {
        fixture.given(opened())
                .when(reflection(LocalDate.of(2026, 3, 3), "Too early"))
                .expectNoEvents()
                .expectException(invalid("occurredOn", "window"));
    }

    @Test
    void something_that_happened_more_than_a_day_ahead_is_rejected() {
        fixture.given(opened())
                .when(conversation(NOW.plus(Duration.ofHours(25)), 4, 40))
                .expectNoEvents()
                .expectException(invalid("occurredAt", "window"));
    }

    @Test
    void something_that_happens_later_today_is_accepted() {
        fixture.given(opened())
                .when(conversation(NOW.plus(Duration.ofHours(23)), 4, 40))
                .expectSuccessfulHandlerExecution();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 6})
    void a_rating_outside_one_to_five_is_rejected(int feltHeard) {
        fixture.given(opened())
                .when(conversation(EARLIER, feltHeard, 40))
                .expectNoEvents()
                .expectException(invalid("feltHeard", "range"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1441})
    void minutes_outside_one_to_a_day_are_rejected(int minutes) {
        fixture.given(opened())
                .when(conversation(EARLIER, 4, minutes))
                .expectNoEvents()
                .expectException(invalid("minutes", "range"));
    }

    @Test
    void a_conversation_without_a_time_is_rejected() {
        fixture.given(opened())
                .when(conversation(null, 4, 40))
                .expectNoEvents()
                .expectException(invalid("occurredAt", "required"));
    }

    @Test
    void a_gesture_starts_showing_genuine_interest() {
        fixture.given(opened())
                .when(gesture())
                .expectEvents(
                        started(Step.SHOW_GENUINE_INTEREST, EARLIER),
                        new GestureLogged(JOURNAL, ENTRY, GestureKind.ASKED_ABOUT_DAY, null, EARLIER, NOW));
    }

    @Test
    void planning_a_date_starts_rekindling_romance_and_happens_now() {
        fixture.given(opened())
                .when(planDate())
                .expectEvents(started(Step.REKINDLE_ROMANCE, NOW), datePlanned())
                .expectResultMessagePayload(2L);
    }

    @Test
    void a_shared_activity_starts_reigniting_friendship() {
        fixture.given(opened())
                .when(activity())
                .expectEvents(
                        started(Step.REIGNITE_FRIENDSHIP, EARLIER),
                        new ActivityShared(JOURNAL, ENTRY, "Board games", true, null, EARLIER, NOW));
    }

    @Test
    void a_shared_activity_must_say_whether_they_laughed() {
        fixture.given(opened())
                .when(new ShareActivity(JOURNAL, OWNER, null, ENTRY, EARLIER, "Board games", null, null))
                .expectNoEvents()
                .expectException(invalid("laughedTogether", "required"));
    }

    @Test
    void personal_time_starts_giving_each_other_space() {
        fixture.given(opened())
                .when(personalTime(90))
                .expectEvents(
                        started(Step.GIVE_EACH_OTHER_SPACE, EARLIER),
                        new PersonalTimeTaken(JOURNAL, ENTRY, Whose.PARTNERS, "Climbing", 90, EARLIER, NOW));
    }

    @Test
    void personal_time_without_minutes_is_rejected() {
        fixture.given(opened())
                .when(personalTime(null))
                .expectNoEvents()
                .expectException(invalid("minutes", "required"));
    }

    @Test
    void a_check_in_belongs_to_no_step_and_happens_now_unless_told_otherwise() {
        fixture.given(opened())
                .when(checkIn(4, null))
                .expectEvents(new CheckedIn(JOURNAL, ENTRY, 4, 3, null, NOW, NOW))
                .expectResultMessagePayload(1L);
    }

    @Test
    void a_check_in_mood_above_five_is_rejected() {
        fixture.given(opened()).when(checkIn(6, EARLIER)).expectNoEvents().expectException(invalid("mood", "range"));
    }

    @Test
    void an_entry_id_is_used_only_once() {
        fixture.given(opened(), started(Step.COMMUNICATE_OPENLY, EARLIER), conversationLogged())
                .when(checkIn(4, null))
                .expectNoEvents()
                .expectException(EntryAlreadyExists.class);
    }
}
