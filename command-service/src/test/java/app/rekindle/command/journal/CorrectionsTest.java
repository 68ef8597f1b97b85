package app.rekindle.command.journal;

import static app.rekindle.command.journal.JournalFixtures.*;
import static app.rekindle.command.journal.Rejections.invalid;

import app.rekindle.command.journal.JournalCommand.AmendEntry;
import app.rekindle.command.journal.JournalCommand.RetractEntry;
import app.rekindle.command.journal.JournalRejection.EntryAlreadyRetracted;
import app.rekindle.command.journal.JournalRejection.EntryNotFound;
import app.rekindle.events.JournalEvent.*;
import app.rekindle.events.Step;
import java.util.Map;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CorrectionsTest {

    private AggregateTestFixture<Journal> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void amending_an_entry_records_the_checked_new_values() {
        fixture.given(opened(), started(Step.COMMUNICATE_OPENLY, EARLIER), conversationLogged())
                .when(new AmendEntry(
                        JOURNAL,
                        OWNER,
                        null,
                        ENTRY,
                        Map.of("feltHeard", 5, "occurredAt", "2026-02-28T19:00:00Z"),
                        "I remembered wrong"))
                .expectEvents(new EntryAmended(
                        JOURNAL,
                        ENTRY,
                        Map.of("feltHeard", 5, "occurredAt", "2026-02-28T19:00:00Z"),
                        "I remembered wrong",
                        NOW,
                        NOW))
                .expectResultMessagePayload(3L);
    }

    @Test
    void a_date_can_be_moved_and_changed() {
        fixture.given(opened(), started(Step.REKINDLE_ROMANCE, NOW), datePlanned())
                .when(new AmendEntry(
                        JOURNAL,
                        OWNER,
                        null,
                        DATE,
                        Map.of("plannedFor", "2026-04-02T18:00:00Z", "dateKind", "SURPRISE"),
                        null))
                .expectEvents(new EntryAmended(
                        JOURNAL,
                        DATE,
                        Map.of("plannedFor", "2026-04-02T18:00:00Z", "dateKind", "SURPRISE"),
                        null,
                        NOW,
                        NOW));
    }

    @Test
    void a_field_the_entry_does_not_have_cannot_be_amended() {
        fixture.given(opened(), started(Step.COMMUNICATE_OPENLY, EARLIER), conversationLogged())
                .when(new AmendEntry(JOURNAL, OWNER, null, ENTRY, Map.of("rating", 5), null))
                .expectNoEvents()
                .expectException(invalid("changes.rating", "not-amendable"));
    }

    @Test
    void the_entry_id_cannot_be_amended() {
        fixture.given(opened(), started(Step.COMMUNICATE_OPENLY, EARLIER), conversationLogged())
                .when(new AmendEntry(
                        JOURNAL,
                        OWNER,
                        null,
                        ENTRY,
                        Map.of("entryId", UUID.randomUUID().toString()),
                        null))
                .expectNoEvents()
                .expectException(invalid("changes.entryId", "not-amendable"));
    }

    @Test
    void amended_values_follow_the_logging_rules() {
        fixture.given(opened(), started(Step.COMMUNICATE_OPENLY, EARLIER), conversationLogged())
                .when(new AmendEntry(JOURNAL, OWNER, null, ENTRY, Map.of("feltHeard", 9), null))
                .expectNoEvents()
                .expectException(invalid("changes.feltHeard", "range"));
    }

    @Test
    void an_amended_value_of_the_wrong_type_is_rejected() {
        fixture.given(opened(), started(Step.REKINDLE_ROMANCE, NOW), datePlanned())
                .when(new AmendEntry(JOURNAL, OWNER, null, DATE, Map.of("dateKind", "BUNGEE"), null))
                .expectNoEvents()
                .expectException(invalid("changes.dateKind", "type"));
    }

    @Test
    void an_amendment_must_change_something() {
        fixture.given(opened(), started(Step.COMMUNICATE_OPENLY, EARLIER), conversationLogged())
                .when(new AmendEntry(JOURNAL, OWNER, null, ENTRY, Map.of(), null))
                .expectNoEvents()
                .expectException(invalid("changes", "required"));
    }

    @Test
    void a_retracted_entry_cannot_be_amended() {
        fixture.given(opened(), started(Step.COMMUNICATE_OPENLY, EARLIER), conversationLogged(), retracted())
                .when(new AmendEntry(JOURNAL, OWNER, null, ENTRY, Map.of("feltHeard", 5), null))
                .expectNoEvents()
                .expectException(EntryAlreadyRetracted.class);
    }

    @Test
    void an_unknown_entry_cannot_be_amended() {
        fixture.given(opened())
                .when(new AmendEntry(JOURNAL, OWNER, null, ENTRY, Map.of("feltHeard", 5), null))
                .expectNoEvents()
                .expectException(EntryNotFound.class);
    }

    @Test
    void an_entry_can_be_retracted_once() {
        fixture.given(opened(), started(Step.COMMUNICATE_OPENLY, EARLIER), conversationLogged())
                .when(new RetractEntry(JOURNAL, OWNER, null, ENTRY, "Logged twice"))
                .expectEvents(new EntryRetracted(JOURNAL, ENTRY, "Logged twice", NOW, NOW));
        fixture.given(opened(), started(Step.COMMUNICATE_OPENLY, EARLIER), conversationLogged(), retracted())
                .when(new RetractEntry(JOURNAL, OWNER, null, ENTRY, null))
                .expectNoEvents()
                .expectException(EntryAlreadyRetracted.class);
    }

    private static EntryRetracted retracted() {
        return new EntryRetracted(JOURNAL, ENTRY, null, NOW, NOW);
    }
}
