package app.rekindle.command.journal;

import app.rekindle.command.journal.JournalCommand.CheckIn;
import app.rekindle.command.journal.JournalCommand.LogConversation;
import app.rekindle.command.journal.JournalCommand.LogGesture;
import app.rekindle.command.journal.JournalCommand.LogReflection;
import app.rekindle.command.journal.JournalCommand.PlanDate;
import app.rekindle.command.journal.JournalCommand.ShareActivity;
import app.rekindle.command.journal.JournalCommand.TakePersonalTime;
import app.rekindle.events.ConversationChannel;
import app.rekindle.events.ConversationOutcome;
import app.rekindle.events.DateKind;
import app.rekindle.events.GestureKind;
import app.rekindle.events.Initiator;
import app.rekindle.events.JournalEvent.*;
import app.rekindle.events.Step;
import app.rekindle.events.Whose;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;

/** A fixed clock, one journal owned by alice, and valid commands and events to vary in each test. */
final class JournalFixtures {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final Instant EARLIER = Instant.parse("2026-02-28T19:30:00Z");
    static final String OWNER = "alice";
    static final UUID JOURNAL = UUID.fromString("00000000-0000-4000-8000-000000000001");
    static final UUID ENTRY = UUID.fromString("00000000-0000-4000-8000-0000000000e1");
    static final UUID DATE = UUID.fromString("00000000-0000-4000-8000-0000000000d1");

    private JournalFixtures() {}

    static AggregateTestFixture<Journal> fixture() {
        AggregateTestFixture<Journal> fixture = new AggregateTestFixture<>(Journal.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        // The service's own resolver, so every command of these tests reaches its journal the way it does in service.
        fixture.registerCommandTargetResolver(new JournalCommandTargets());
        return fixture;
    }

    static JournalOpened opened() {
        return new JournalOpened(JOURNAL, OWNER, "Sam", "Find our way back", "Europe/Berlin", NOW, NOW);
    }

    static LogConversation conversation(Instant occurredAt, Integer feltHeard, Integer minutes) {
        return new LogConversation(
                JOURNAL,
                OWNER,
                null,
                ENTRY,
                occurredAt,
                "Evenings",
                Initiator.ME,
                minutes,
                feltHeard,
                4,
                ConversationOutcome.PARTLY_RESOLVED,
                ConversationChannel.IN_PERSON,
                "Calmer than expected");
    }

    static LogConversation conversation() {
        return conversation(EARLIER, 4, 40);
    }

    static ConversationLogged conversationLogged() {
        return new ConversationLogged(
                JOURNAL,
                ENTRY,
                "Evenings",
                Initiator.ME,
                40,
                4,
                4,
                ConversationOutcome.PARTLY_RESOLVED,
                ConversationChannel.IN_PERSON,
                "Calmer than expected",
                EARLIER,
                NOW);
    }

    static StepStarted started(Step step, Instant occurredAt) {
        return new StepStarted(JOURNAL, step, occurredAt, NOW);
    }

    static LogReflection reflection(LocalDate on, String text) {
        return new LogReflection(JOURNAL, OWNER, null, ENTRY, on, text, "I withdrew", null, "Say it early");
    }

    static LogGesture gesture() {
        return new LogGesture(JOURNAL, OWNER, null, ENTRY, EARLIER, GestureKind.ASKED_ABOUT_DAY, null);
    }

    static PlanDate planDate() {
        return new PlanDate(
                JOURNAL, OWNER, null, DATE, Instant.parse("2026-04-01T18:00:00Z"), "Picnic", DateKind.RECREATED_MEMORY);
    }

    static DatePlanned datePlanned() {
        return new DatePlanned(
                JOURNAL, DATE, Instant.parse("2026-04-01T18:00:00Z"), "Picnic", DateKind.RECREATED_MEMORY, NOW, NOW);
    }

    static ShareActivity activity() {
        return new ShareActivity(JOURNAL, OWNER, null, ENTRY, EARLIER, "Board games", true, null);
    }

    static TakePersonalTime personalTime(Integer minutes) {
        return new TakePersonalTime(JOURNAL, OWNER, null, ENTRY, EARLIER, Whose.PARTNERS, "Climbing", minutes);
    }

    static CheckIn checkIn(Integer mood, Instant occurredAt) {
        return new CheckIn(JOURNAL, OWNER, null, ENTRY, mood, 3, null, occurredAt);
    }

    static String text(int length) {
        return "x".repeat(length);
    }
}
