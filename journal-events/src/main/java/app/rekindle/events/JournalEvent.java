package app.rekindle.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * Everything that can happen to a journal. Each event says which journal, when it happened
 * ({@code occurredAt}: the moment the person says it happened, or the moment of the command for
 * state changes) and when it was recorded ({@code recordedAt}: taken from the command service's clock).
 *
 * <p>The serialized form of each record is a public contract (Kafka consumers, backups, exports):
 * its stable name and version live in {@link EventTypes}; changing a record's shape means a new
 * version there and an upcaster, never an edit in place.
 */
public sealed interface JournalEvent {

    UUID journalId();

    Instant occurredAt();

    Instant recordedAt();

    /** Events that create a timeline entry. */
    sealed interface EntryLogged extends JournalEvent {
        UUID entryId();

        EntryKind kind();
    }

    record JournalOpened(
            UUID journalId,
            String ownerId,
            String partnerName,
            String intention,
            String timezone,
            Instant occurredAt,
            Instant recordedAt)
            implements JournalEvent {}

    record ReflectionLogged(
            UUID journalId,
            UUID entryId,
            LocalDate occurredOn,
            String text,
            String myPart,
            String theirPart,
            String lesson,
            Instant occurredAt,
            Instant recordedAt)
            implements EntryLogged {
        @Override
        public EntryKind kind() {
            return EntryKind.REFLECTION;
        }
    }

    /** Version 2 added {@code channel}; version 1 events are upcast with {@link ConversationChannel#NOT_RECORDED}. */
    record ConversationLogged(
            UUID journalId,
            UUID entryId,
            String topic,
            Initiator initiatedBy,
            int minutes,
            int feltHeard,
            int listenedWell,
            ConversationOutcome outcome,
            ConversationChannel channel,
            String notes,
            Instant occurredAt,
            Instant recordedAt)
            implements EntryLogged {
        @Override
        public EntryKind kind() {
            return EntryKind.CONVERSATION;
        }
    }

    record GestureLogged(
            UUID journalId,
            UUID entryId,
            GestureKind gesture,
            String description,
            Instant occurredAt,
            Instant recordedAt)
            implements EntryLogged {
        @Override
        public EntryKind kind() {
            return EntryKind.GESTURE;
        }
    }

    /** A date is an entry of its own: {@code entryId} is the date id that later events refer to. */
    record DatePlanned(
            UUID journalId,
            UUID entryId,
            Instant plannedFor,
            String idea,
            DateKind dateKind,
            Instant occurredAt,
            Instant recordedAt)
            implements EntryLogged {
        @Override
        public EntryKind kind() {
            return EntryKind.DATE;
        }
    }

    record DateHappened(UUID journalId, UUID entryId, int rating, String memory, Instant occurredAt, Instant recordedAt)
            implements JournalEvent {}

    record DateCancelled(UUID journalId, UUID entryId, String reason, Instant occurredAt, Instant recordedAt)
            implements JournalEvent {}

    record ActivityShared(
            UUID journalId,
            UUID entryId,
            String activity,
            boolean laughedTogether,
            String newMemory,
            Instant occurredAt,
            Instant recordedAt)
            implements EntryLogged {
        @Override
        public EntryKind kind() {
            return EntryKind.ACTIVITY;
        }
    }

    record PersonalTimeTaken(
            UUID journalId,
            UUID entryId,
            Whose whose,
            String pursuit,
            int minutes,
            Instant occurredAt,
            Instant recordedAt)
            implements EntryLogged {
        @Override
        public EntryKind kind() {
            return EntryKind.PERSONAL_TIME;
        }
    }

    record CheckedIn(
            UUID journalId, UUID entryId, int mood, int connection, String note, Instant occurredAt, Instant recordedAt)
            implements EntryLogged {
        @Override
        public EntryKind kind() {
            return EntryKind.CHECK_IN;
        }
    }

    record StepStarted(UUID journalId, Step step, Instant occurredAt, Instant recordedAt) implements JournalEvent {}

    record StepCompleted(UUID journalId, Step step, String summary, Instant occurredAt, Instant recordedAt)
            implements JournalEvent {}

    record StepReopened(UUID journalId, Step step, String reason, Instant occurredAt, Instant recordedAt)
            implements JournalEvent {}

    /**
     * New values for some fields of an earlier entry; the earlier values stay in the log. Keys are the
     * field names of the entry's logging event (e.g. {@code "topic"}, {@code "feltHeard"}), values are
     * JSON scalars (strings, numbers, booleans; enums by name; instants and dates in ISO-8601).
     */
    record EntryAmended(
            UUID journalId,
            UUID entryId,
            Map<String, Object> changes,
            String reason,
            Instant occurredAt,
            Instant recordedAt)
            implements JournalEvent {
        public EntryAmended {
            changes = Map.copyOf(changes);
        }
    }

    record EntryRetracted(UUID journalId, UUID entryId, String reason, Instant occurredAt, Instant recordedAt)
            implements JournalEvent {}

    record JournalClosed(UUID journalId, ClosureOutcome outcome, String note, Instant occurredAt, Instant recordedAt)
            implements JournalEvent {}

    /** The person asked for the journal to be erased: views forget it, and it takes nothing more. */
    record JournalErased(UUID journalId, Instant occurredAt, Instant recordedAt) implements JournalEvent {}
}
