package app.rekindle.command.journal;

import app.rekindle.events.ClosureOutcome;
import app.rekindle.events.ConversationChannel;
import app.rekindle.events.ConversationOutcome;
import app.rekindle.events.DateKind;
import app.rekindle.events.GestureKind;
import app.rekindle.events.Initiator;
import app.rekindle.events.Step;
import app.rekindle.events.Whose;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The commands a journal takes. Each carries which journal, who asks (the token's subject) and, when the client
 * sent {@code If-Match}, the version it based the command on (none for opening: there is no journal yet).
 * Sealed, so a {@code switch} over commands names every one.
 */
public sealed interface JournalCommand {

    UUID journalId();

    String requestedBy();

    Long expectedVersion();

    /** The commands that log a new entry (a date is an entry too): what a batch carries. */
    sealed interface NewEntry extends JournalCommand {}

    /**
     * Several new entries at once (offline sync): each decided by the same rules as alone, all recorded in one
     * append or none. The entries name the same journal and person as the batch; the batch's If-Match counts.
     */
    record LogEntries(UUID journalId, String requestedBy, Long expectedVersion, List<NewEntry> entries)
            implements JournalCommand {}

    /** Step 1: looking back at what happened and who did what. */
    record LogReflection(
            UUID journalId,
            String requestedBy,
            Long expectedVersion,
            UUID entryId,
            LocalDate occurredOn,
            String text,
            String myPart,
            String theirPart,
            String lesson)
            implements NewEntry {}

    /** Step 2: a conversation and how it went; without a channel, the channel is not recorded. */
    record LogConversation(
            UUID journalId,
            String requestedBy,
            Long expectedVersion,
            UUID entryId,
            Instant occurredAt,
            String topic,
            Initiator initiatedBy,
            Integer minutes,
            Integer feltHeard,
            Integer listenedWell,
            ConversationOutcome outcome,
            ConversationChannel channel,
            String notes)
            implements NewEntry {}

    /** Step 3: a gesture of interest in the partner's life. */
    record LogGesture(
            UUID journalId,
            String requestedBy,
            Long expectedVersion,
            UUID entryId,
            Instant occurredAt,
            GestureKind kind,
            String description)
            implements NewEntry {}

    /** Step 4: a date or surprise, planned; it later happens or is cancelled. */
    record PlanDate(
            UUID journalId,
            String requestedBy,
            Long expectedVersion,
            UUID dateId,
            Instant plannedFor,
            String idea,
            DateKind kind)
            implements NewEntry {}

    /** The planned date took place; occurredAt defaults to now. */
    record MarkDateHappened(
            UUID journalId,
            String requestedBy,
            Long expectedVersion,
            UUID dateId,
            Integer rating,
            String memory,
            Instant occurredAt)
            implements JournalCommand {}

    /** The planned date will not take place. */
    record CancelDate(UUID journalId, String requestedBy, Long expectedVersion, UUID dateId, String reason)
            implements JournalCommand {}

    /** Step 5: something done together as friends. */
    record ShareActivity(
            UUID journalId,
            String requestedBy,
            Long expectedVersion,
            UUID entryId,
            Instant occurredAt,
            String activity,
            Boolean laughedTogether,
            String newMemory)
            implements NewEntry {}

    /** Step 6: time one of the two spent on their own pursuits. */
    record TakePersonalTime(
            UUID journalId,
            String requestedBy,
            Long expectedVersion,
            UUID entryId,
            Instant occurredAt,
            Whose whose,
            String pursuit,
            Integer minutes)
            implements NewEntry {}

    /** Across all steps: how it feels right now; occurredAt defaults to now. */
    record CheckIn(
            UUID journalId,
            String requestedBy,
            Long expectedVersion,
            UUID entryId,
            Integer mood,
            Integer connection,
            String note,
            Instant occurredAt)
            implements NewEntry {}

    /** Starts a step explicitly (logging an entry starts its step too). */
    record StartStep(UUID journalId, String requestedBy, Long expectedVersion, Step step) implements JournalCommand {}

    /** Marks a step done; needs something logged for it. */
    record CompleteStep(UUID journalId, String requestedBy, Long expectedVersion, Step step, String summary)
            implements JournalCommand {}

    /** Takes a completed step back into progress, with a reason. */
    record ReopenStep(UUID journalId, String requestedBy, Long expectedVersion, Step step, String reason)
            implements JournalCommand {}

    /** New values for some fields of an earlier entry; keys are the logging event's field names. */
    record AmendEntry(
            UUID journalId,
            String requestedBy,
            Long expectedVersion,
            UUID entryId,
            Map<String, Object> changes,
            String reason)
            implements JournalCommand {}

    /** Withdraws an earlier entry; it stays in the history, marked retracted. */
    record RetractEntry(UUID journalId, String requestedBy, Long expectedVersion, UUID entryId, String reason)
            implements JournalCommand {}

    /** Ends the journal with an outcome; it takes no new entries afterwards. */
    record CloseJournal(UUID journalId, String requestedBy, Long expectedVersion, ClosureOutcome outcome, String note)
            implements JournalCommand {}

    /** Erases the journal: from now on it answers like one that never existed. */
    record EraseJournal(UUID journalId, String requestedBy, Long expectedVersion) implements JournalCommand {}

    /** Starts a journal; the person asking becomes its owner. */
    record OpenJournal(UUID journalId, String requestedBy, String partnerName, String intention, String timezone)
            implements JournalCommand {

        /** A journal that does not exist yet has no version to base the command on. */
        @Override
        public Long expectedVersion() {
            return null;
        }
    }
}
