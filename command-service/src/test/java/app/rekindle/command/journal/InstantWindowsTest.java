package app.rekindle.command.journal;

import static app.rekindle.command.journal.JournalFixtures.*;
import static app.rekindle.command.journal.Rejections.invalid;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasProperty;

import app.rekindle.command.journal.JournalCommand.AmendEntry;
import app.rekindle.command.journal.JournalCommand.PlanDate;
import app.rekindle.command.journal.JournalRejection.InvalidField;
import app.rekindle.events.JournalEvent.*;
import app.rekindle.events.Step;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every instant a command takes lies in its window from ValueWindows: a far-past or far-future value is refused
 * naming the field, the rule {@code window} and the window itself, whether logged or amended.
 */
class InstantWindowsTest {

    private AggregateTestFixture<Journal> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "-300000-01-01T00:00:00Z",
                "-4999-01-01T00:00:00Z",
                "1899-12-31T23:59:59Z",
                "+300000-01-01T00:00:00Z"
            })
    void a_check_in_outside_the_happened_window_is_refused_naming_the_window(String occurredAt) {
        fixture.given(opened())
                .when(checkIn(4, Instant.parse(occurredAt)))
                .expectNoEvents()
                .expectException(windowed("occurredAt", "1900-01-01T00:00:00Z and 2026-03-02T10:00:00Z"));
    }

    @Test
    void a_check_in_on_the_first_day_of_the_window_is_accepted() {
        fixture.given(opened())
                .when(checkIn(4, Instant.parse("1900-01-01T00:00:00Z")))
                .expectSuccessfulHandlerExecution();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-999999999-01-01", "1899-12-31", "2026-03-03"})
    void a_reflection_on_a_day_outside_the_happened_window_is_refused(String occurredOn) {
        fixture.given(opened())
                .when(reflection(LocalDate.parse(occurredOn), "Long ago"))
                .expectNoEvents()
                .expectException(invalid("occurredOn", "window"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-300000-06-01T18:00:00Z", "1899-12-31T18:00:00Z", "2036-12-31T18:00:00Z"})
    void a_date_planned_outside_the_planning_window_is_refused(String plannedFor) {
        PlanDate date = planDate();
        fixture.given(opened())
                .when(new PlanDate(JOURNAL, OWNER, null, DATE, Instant.parse(plannedFor), date.idea(), date.kind()))
                .expectNoEvents()
                .expectException(invalid("plannedFor", "window"));
    }

    @Test
    void a_date_planned_years_ahead_is_accepted() {
        PlanDate date = planDate();
        fixture.given(opened(), started(Step.REKINDLE_ROMANCE, NOW))
                .when(new PlanDate(
                        JOURNAL, OWNER, null, DATE, NOW.plus(Duration.ofDays(9 * 366)), date.idea(), date.kind()))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void an_amendment_moving_occurred_at_out_of_the_window_is_refused() {
        fixture.given(opened(), started(Step.COMMUNICATE_OPENLY, EARLIER), conversationLogged())
                .when(new AmendEntry(
                        JOURNAL, OWNER, null, ENTRY, Map.of("occurredAt", "-300000-01-01T00:00:00Z"), null))
                .expectNoEvents()
                .expectException(windowed("changes.occurredAt", "1900-01-01T00:00:00Z"));
    }

    @Test
    void an_amendment_moving_a_date_beyond_the_planning_horizon_is_refused() {
        fixture.given(opened(), started(Step.REKINDLE_ROMANCE, NOW), datePlanned())
                .when(new AmendEntry(JOURNAL, OWNER, null, DATE, Map.of("plannedFor", "+300000-01-01T00:00:00Z"), null))
                .expectNoEvents()
                .expectException(invalid("changes.plannedFor", "window"));
    }

    @Test
    void an_amendment_moving_a_reflection_to_a_day_outside_the_window_is_refused() {
        fixture.given(
                        opened(),
                        started(Step.REFLECT_ON_THE_PAST, NOW),
                        new ReflectionLogged(
                                JOURNAL, ENTRY, LocalDate.of(2026, 2, 27), "Text", null, null, null, EARLIER, NOW))
                .when(new AmendEntry(JOURNAL, OWNER, null, ENTRY, Map.of("occurredOn", "-999999999-01-01"), null))
                .expectNoEvents()
                .expectException(invalid("changes.occurredOn", "window"));
    }

    @Test
    void a_clock_stepped_back_never_records_an_event_before_the_previous_one() {
        Instant later = NOW.plus(Duration.ofMinutes(5));
        fixture.given(opened(), new StepStarted(JOURNAL, Step.COMMUNICATE_OPENLY, later, later))
                .when(conversation())
                .expectEvents(new ConversationLogged(
                        JOURNAL,
                        ENTRY,
                        "Evenings",
                        conversation().initiatedBy(),
                        40,
                        4,
                        4,
                        conversation().outcome(),
                        conversation().channel(),
                        conversation().notes(),
                        EARLIER,
                        later));
    }

    private static Matcher<InvalidField> windowed(String field, String window) {
        return allOf(invalid(field, "window"), hasProperty("message", containsString(window)));
    }
}
