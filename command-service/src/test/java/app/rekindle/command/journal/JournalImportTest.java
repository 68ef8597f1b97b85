package app.rekindle.command.journal;

import static app.rekindle.command.journal.JournalFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rekindle.command.journal.JournalRejection.InvalidField;
import app.rekindle.events.ClosureOutcome;
import app.rekindle.events.GestureKind;
import app.rekindle.events.JournalEvent;
import app.rekindle.events.JournalEvent.*;
import app.rekindle.events.Step;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An imported journal's events are decided again by the rules its commands follow, at each event's recordedAt:
 * what a person could not have typed is refused, naming the event's field and the rule.
 */
class JournalImportTest {

    /** The moment of the import: well after the journal was written. */
    private static final Instant IMPORTED_AT = NOW.plus(Duration.ofDays(30));

    @Test
    void a_journal_the_commands_wrote_imports_unchanged() {
        List<JournalEvent> journal = List.of(
                opened(),
                started(Step.COMMUNICATE_OPENLY, EARLIER),
                conversationLogged(),
                new EntryAmended(JOURNAL, ENTRY, Map.of("feltHeard", 5), "better", NOW, NOW),
                new StepCompleted(JOURNAL, Step.COMMUNICATE_OPENLY, "Talking", NOW, NOW),
                new CheckedIn(JOURNAL, UUID.randomUUID(), 4, 3, null, EARLIER, NOW),
                new JournalClosed(JOURNAL, ClosureOutcome.RECONCILED, null, NOW, NOW));

        assertThat(imported(journal)).isEqualTo(journal);
    }

    @Test
    void a_value_a_command_refuses_is_refused_naming_the_events_field() {
        assertRefused(checkInWith(9, EARLIER, NOW), "mood", "range");
        assertRefused(
                List.of(new JournalOpened(JOURNAL, OWNER, "Sam", "Back", "Mars/Base", NOW, NOW)),
                "timezone",
                "timezone");
        assertRefused(
                List.of(new JournalOpened(JOURNAL, OWNER, text(300), "Back", "UTC", NOW, NOW)),
                "partnerName",
                "max-length");
        assertRefused(
                List.of(opened(), new GestureLogged(JOURNAL, ENTRY, null, null, EARLIER, NOW)), "gesture", "required");
        assertRefused(
                List.of(new JournalOpened(JOURNAL, "mallory", "Sam", "Back", "UTC", NOW, NOW)), "ownerId", "owner");
    }

    @Test
    void instants_outside_their_windows_are_refused() {
        assertRefused(checkInWith(4, Instant.parse("-300000-01-01T00:00:00Z"), NOW), "occurredAt", "window");
        assertRefused(checkInWith(4, NOW.plus(Duration.ofDays(2)), NOW), "occurredAt", "window");
        assertRefused(
                List.of(
                        opened(),
                        new ReflectionLogged(
                                JOURNAL,
                                ENTRY,
                                LocalDate.parse("-999999999-01-01"),
                                "Long ago",
                                null,
                                null,
                                null,
                                EARLIER,
                                NOW)),
                "occurredOn",
                "window");
        assertRefused(
                List.of(
                        opened(),
                        new DatePlanned(
                                JOURNAL,
                                DATE,
                                Instant.parse("-300000-01-01T18:00:00Z"),
                                "Picnic",
                                datePlanned().dateKind(),
                                NOW,
                                NOW)),
                "plannedFor",
                "window");
        assertRefused(
                List.of(
                        opened(),
                        started(Step.COMMUNICATE_OPENLY, EARLIER),
                        conversationLogged(),
                        new EntryAmended(
                                JOURNAL, ENTRY, Map.of("occurredAt", "-300000-01-01T00:00:00Z"), null, NOW, NOW)),
                "changes.occurredAt",
                "window");
    }

    @Test
    void recorded_at_never_lies_ahead_of_the_import_nor_goes_backwards() {
        assertRefused(checkInWith(4, EARLIER, IMPORTED_AT.plusSeconds(1)), "recordedAt", "window");
        assertRefused(checkInWith(4, EARLIER, NOW.minusSeconds(1)), "recordedAt", "not-backwards");
        assertRefused(
                List.of(new JournalOpened(
                        JOURNAL,
                        OWNER,
                        "Sam",
                        "Back",
                        "UTC",
                        Instant.parse("1899-12-31T00:00:00Z"),
                        Instant.parse("1899-12-31T00:00:00Z"))),
                "recordedAt",
                "window");
    }

    @Test
    void the_journal_rules_hold_as_for_commands() {
        assertRefused(
                List.of(
                        opened(),
                        started(Step.COMMUNICATE_OPENLY, EARLIER),
                        conversationLogged(),
                        conversationLogged()),
                "entryId",
                "entry-already-exists");
        assertRefused(
                List.of(opened(), new EntryRetracted(JOURNAL, ENTRY, null, NOW, NOW)), "entryId", "entry-not-found");
        assertRefused(
                List.of(
                        opened(),
                        started(Step.REKINDLE_ROMANCE, NOW),
                        datePlanned(),
                        new DateCancelled(JOURNAL, DATE, null, NOW, NOW),
                        new DateCancelled(JOURNAL, DATE, null, NOW, NOW)),
                "entryId",
                "date-already-resolved");
        assertRefused(
                List.of(opened(), started(Step.COMMUNICATE_OPENLY, NOW), started(Step.COMMUNICATE_OPENLY, NOW)),
                "step",
                "step-already-started");
        assertRefused(
                List.of(
                        opened(),
                        new JournalClosed(JOURNAL, ClosureOutcome.RECONCILED, null, NOW, NOW),
                        new GestureLogged(JOURNAL, ENTRY, GestureKind.ASKED_ABOUT_DAY, null, EARLIER, NOW)),
                "type",
                "journal-closed");
        assertRefused(List.of(opened(), new JournalErased(JOURNAL, NOW, NOW)), "type", "not-erased");
        assertRefused(List.of(conversationLogged()), "type", "opened-first");
        assertRefused(List.of(opened(), opened()), "type", "opened-first");
    }

    @Test
    void state_changes_take_their_time_from_recorded_at_and_reflections_from_their_day() {
        Instant far = Instant.parse("-300000-01-01T00:00:00Z");
        List<JournalEvent> decided = imported(List.of(
                opened(),
                new ReflectionLogged(JOURNAL, ENTRY, LocalDate.of(2026, 2, 27), "Text", null, null, null, far, NOW),
                new EntryRetracted(JOURNAL, ENTRY, null, far, NOW)));

        assertThat(decided.get(1).occurredAt()).isEqualTo(Instant.parse("2026-02-26T23:00:00Z"));
        assertThat(decided.get(2).occurredAt()).isEqualTo(NOW);
    }

    private static List<JournalEvent> checkInWith(int mood, Instant occurredAt, Instant recordedAt) {
        return List.of(opened(), new CheckedIn(JOURNAL, ENTRY, mood, 3, null, occurredAt, recordedAt));
    }

    private static List<JournalEvent> imported(List<JournalEvent> events) {
        JournalImport rules = new JournalImport(OWNER, IMPORTED_AT);
        List<JournalEvent> decided = new ArrayList<>();
        events.forEach(event -> decided.add(rules.next(event)));
        return decided;
    }

    private static void assertRefused(List<JournalEvent> events, String field, String rule) {
        assertThatThrownBy(() -> imported(events))
                .as(field + " " + rule)
                .isInstanceOfSatisfying(
                        InvalidField.class, invalid -> assertThat(invalid.field() + " " + invalid.rule())
                                .isEqualTo(field + " " + rule));
    }
}
