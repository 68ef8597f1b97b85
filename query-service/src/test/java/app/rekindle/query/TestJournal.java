package app.rekindle.query;

import app.rekindle.events.ConversationChannel;
import app.rekindle.events.ConversationOutcome;
import app.rekindle.events.DateKind;
import app.rekindle.events.GestureKind;
import app.rekindle.events.Initiator;
import app.rekindle.events.JournalEvent;
import app.rekindle.events.JournalEvent.*;
import app.rekindle.events.PublishedEvent;
import app.rekindle.events.Step;
import app.rekindle.events.Whose;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** Writes a journal's events the way the command service would: fresh ids, sequence numbers in order. */
public final class TestJournal {

    public static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    public final UUID id = UUID.randomUUID();
    public final String owner;
    private long nextSequence;
    private Instant clock = START;

    public TestJournal(String owner) {
        this.owner = owner;
    }

    public long version() {
        return nextSequence - 1;
    }

    /** Stamps the event with the next sequence number. */
    public PublishedEvent publish(JournalEvent event) {
        return PublishedEvent.of(UUID.randomUUID().toString(), nextSequence++, event);
    }

    /** Stamps the event with a sequence number of the caller's choosing (for duplicates and gaps). */
    public PublishedEvent publishAt(long sequence, JournalEvent event) {
        return PublishedEvent.of(UUID.randomUUID().toString(), sequence, event);
    }

    public Instant tick() {
        clock = clock.plus(Duration.ofHours(1));
        return clock;
    }

    public JournalOpened opened() {
        return new JournalOpened(id, owner, "Sam", "Find our way back", "Europe/Berlin", tick(), clock);
    }

    public StepStarted started(Step step) {
        return new StepStarted(id, step, tick(), clock);
    }

    public StepCompleted completed(Step step, String summary) {
        return new StepCompleted(id, step, summary, tick(), clock);
    }

    public StepReopened reopened(Step step, String reason) {
        return new StepReopened(id, step, reason, tick(), clock);
    }

    public ReflectionLogged reflection(String text) {
        return new ReflectionLogged(
                id,
                UUID.randomUUID(),
                LocalDate.parse("2026-02-20"),
                text,
                "I withdrew",
                "They worked late",
                "Say it early",
                tick(),
                clock);
    }

    public ConversationLogged conversation(String topic) {
        return new ConversationLogged(
                id,
                UUID.randomUUID(),
                topic,
                Initiator.ME,
                45,
                4,
                5,
                ConversationOutcome.PARTLY_RESOLVED,
                ConversationChannel.IN_PERSON,
                "Calm",
                tick(),
                clock);
    }

    public GestureLogged gesture(String description) {
        return new GestureLogged(id, UUID.randomUUID(), GestureKind.ASKED_ABOUT_DAY, description, tick(), clock);
    }

    public DatePlanned date(String idea, Instant plannedFor) {
        return new DatePlanned(id, UUID.randomUUID(), plannedFor, idea, DateKind.RECREATED_MEMORY, tick(), clock);
    }

    public DateHappened happened(UUID dateId, int rating, String memory) {
        return new DateHappened(id, dateId, rating, memory, tick(), clock);
    }

    public DateCancelled cancelled(UUID dateId, String reason) {
        return new DateCancelled(id, dateId, reason, tick(), clock);
    }

    public ActivityShared activity(String activity) {
        return new ActivityShared(id, UUID.randomUUID(), activity, true, "The dice tower", tick(), clock);
    }

    public PersonalTimeTaken personalTime(String pursuit) {
        return new PersonalTimeTaken(id, UUID.randomUUID(), Whose.PARTNERS, pursuit, 120, tick(), clock);
    }

    public CheckedIn checkIn(String note) {
        return new CheckedIn(id, UUID.randomUUID(), 3, 4, note, tick(), clock);
    }

    public EntryAmended amended(UUID entryId, Map<String, Object> changes, String reason) {
        return new EntryAmended(id, entryId, changes, reason, tick(), clock);
    }

    public EntryRetracted retracted(UUID entryId, String reason) {
        return new EntryRetracted(id, entryId, reason, tick(), clock);
    }

    public JournalClosed closed() {
        return new JournalClosed(id, app.rekindle.events.ClosureOutcome.RECONCILED, "Together again", tick(), clock);
    }

    public JournalErased erased() {
        return new JournalErased(id, tick(), clock);
    }
}
