package app.rekindle.command.journal;

import static app.rekindle.command.journal.JournalFixtures.*;
import static app.rekindle.command.journal.Rejections.invalid;

import app.rekindle.command.journal.JournalCommand.OpenJournal;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpeningJournalTest {

    private AggregateTestFixture<Journal> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void opening_a_journal_makes_the_person_asking_its_owner() {
        fixture.givenNoPriorActivity()
                .when(new OpenJournal(JOURNAL, OWNER, "Sam", "Find our way back", "Europe/Berlin"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(opened());
    }

    @Test
    void an_unknown_time_zone_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(new OpenJournal(JOURNAL, OWNER, "Sam", "Find our way back", "Mars/Olympus"))
                .expectNoEvents()
                .expectException(invalid("timezone", "timezone"));
    }

    @Test
    void a_partner_name_longer_than_a_short_text_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(new OpenJournal(JOURNAL, OWNER, text(201), "Find our way back", "Europe/Berlin"))
                .expectNoEvents()
                .expectException(invalid("partnerName", "max-length"));
    }

    @Test
    void a_partner_name_of_exactly_a_short_text_is_accepted() {
        fixture.givenNoPriorActivity()
                .when(new OpenJournal(JOURNAL, OWNER, text(200), "Find our way back", "Europe/Berlin"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_blank_intention_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(new OpenJournal(JOURNAL, OWNER, "Sam", "  ", "Europe/Berlin"))
                .expectNoEvents()
                .expectException(invalid("intention", "not-blank"));
    }

    @Test
    void a_missing_partner_name_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(new OpenJournal(JOURNAL, OWNER, null, "Find our way back", "Europe/Berlin"))
                .expectNoEvents()
                .expectException(invalid("partnerName", "required"));
    }
}
