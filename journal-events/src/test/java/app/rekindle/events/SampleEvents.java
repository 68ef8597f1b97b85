package app.rekindle.events;

import app.rekindle.events.JournalEvent.*;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One fixed example of every event, for contract tests. */
final class SampleEvents {

    static final UUID JOURNAL = UUID.fromString("6f1c2b9e-0d7a-4c43-9a57-3f2f4c1b8e01");
    static final UUID ENTRY = UUID.fromString("0a4e6d1c-5b7f-4e2a-8c39-1d2e3f4a5b6c");
    static final Instant AT = Instant.parse("2026-03-14T18:30:00Z");
    static final Instant RECORDED = Instant.parse("2026-03-14T19:00:00.123Z");

    static List<JournalEvent> all() {
        return List.of(
                new JournalOpened(JOURNAL, "alice", "Sam", "Find our way back", "Europe/Berlin", AT, RECORDED),
                new ReflectionLogged(
                        JOURNAL,
                        ENTRY,
                        LocalDate.parse("2026-03-10"),
                        "We drifted",
                        "I withdrew",
                        "They worked late",
                        "Say it early",
                        AT,
                        RECORDED),
                new ConversationLogged(
                        JOURNAL,
                        ENTRY,
                        "Holidays",
                        Initiator.ME,
                        45,
                        4,
                        5,
                        ConversationOutcome.PARTLY_RESOLVED,
                        ConversationChannel.VIDEO_CALL,
                        "Calm",
                        AT,
                        RECORDED),
                new GestureLogged(JOURNAL, ENTRY, GestureKind.ASKED_ABOUT_DAY, "Asked about the pitch", AT, RECORDED),
                new DatePlanned(
                        JOURNAL,
                        ENTRY,
                        Instant.parse("2026-03-20T19:00:00Z"),
                        "Picnic at the lake",
                        DateKind.RECREATED_MEMORY,
                        AT,
                        RECORDED),
                new DateHappened(JOURNAL, ENTRY, 5, "Sunset", AT, RECORDED),
                new DateCancelled(JOURNAL, ENTRY, "Rain", AT, RECORDED),
                new ActivityShared(JOURNAL, ENTRY, "Board games", true, "The dice tower", AT, RECORDED),
                new PersonalTimeTaken(JOURNAL, ENTRY, Whose.PARTNERS, "Climbing", 120, AT, RECORDED),
                new CheckedIn(JOURNAL, ENTRY, 3, 4, "Better week", AT, RECORDED),
                new StepStarted(JOURNAL, Step.COMMUNICATE_OPENLY, AT, RECORDED),
                new StepCompleted(JOURNAL, Step.COMMUNICATE_OPENLY, "We talk weekly now", AT, RECORDED),
                new StepReopened(JOURNAL, Step.COMMUNICATE_OPENLY, "Old habits", AT, RECORDED),
                new EntryAmended(
                        JOURNAL, ENTRY, Map.of("topic", "Summer holidays", "feltHeard", 5), "typo", AT, RECORDED),
                new EntryRetracted(JOURNAL, ENTRY, "Logged twice", AT, RECORDED),
                new JournalClosed(JOURNAL, ClosureOutcome.RECONCILED, "Together again", AT, RECORDED),
                new JournalErased(JOURNAL, AT, RECORDED));
    }

    private SampleEvents() {}

    /**
     * What each pinned snapshot of an older version must read as once upcast, by snapshot file name. Every old
     * snapshot file needs an entry here: a test fails on one that has none.
     */
    static Map<String, JournalEvent> olderVersions() {
        return Map.of(
                "conversation-logged.v1.json",
                new ConversationLogged(
                        JOURNAL,
                        ENTRY,
                        "Holidays",
                        Initiator.ME,
                        45,
                        4,
                        5,
                        ConversationOutcome.PARTLY_RESOLVED,
                        ConversationChannel.NOT_RECORDED,
                        "Calm",
                        AT,
                        RECORDED));
    }
}
