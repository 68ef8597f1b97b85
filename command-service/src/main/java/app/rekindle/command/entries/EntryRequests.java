package app.rekindle.command.entries;

import app.rekindle.command.journal.JournalCommand;
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
import app.rekindle.events.Whose;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** Request bodies for logging and correcting entries; the journal checks the same rules again. */
public final class EntryRequests {

    private EntryRequests() {}

    /**
     * The body of a new entry, sent alone to its kind's endpoint or as an item of a batch: either way it becomes
     * the same command, here. Not sealed: springdoc would describe every body as a composition with it.
     */
    public interface NewEntry {

        JournalCommand.NewEntry command(UUID journalId, String person, Long expectedVersion, UUID entryId);
    }

    record Reflection(
            @NotNull LocalDate occurredOn,
            @NotBlank @Size(max = 4000) String text,
            @Size(max = 4000) String myPart,
            @Size(max = 4000) String theirPart,
            @Size(max = 4000) String lesson)
            implements NewEntry {

        @Override
        public LogReflection command(UUID journalId, String person, Long expectedVersion, UUID entryId) {
            return new LogReflection(
                    journalId, person, expectedVersion, entryId, occurredOn, text, myPart, theirPart, lesson);
        }
    }

    record Conversation(
            @NotNull Instant occurredAt,
            @NotBlank @Size(max = 200) String topic,
            @NotNull Initiator initiatedBy,
            @NotNull @Min(1) @Max(1440) Integer minutes,
            @NotNull @Min(1) @Max(5) Integer feltHeard,
            @NotNull @Min(1) @Max(5) Integer listenedWell,
            @NotNull ConversationOutcome outcome,
            ConversationChannel channel,
            @Size(max = 4000) String notes)
            implements NewEntry {

        @Override
        public LogConversation command(UUID journalId, String person, Long expectedVersion, UUID entryId) {
            return new LogConversation(
                    journalId,
                    person,
                    expectedVersion,
                    entryId,
                    occurredAt,
                    topic,
                    initiatedBy,
                    minutes,
                    feltHeard,
                    listenedWell,
                    outcome,
                    channel,
                    notes);
        }
    }

    record Gesture(
            @NotNull Instant occurredAt,
            @NotNull GestureKind kind,
            @Size(max = 4000) String description) implements NewEntry {

        @Override
        public LogGesture command(UUID journalId, String person, Long expectedVersion, UUID entryId) {
            return new LogGesture(journalId, person, expectedVersion, entryId, occurredAt, kind, description);
        }
    }

    record Activity(
            @NotNull Instant occurredAt,
            @NotBlank @Size(max = 200) String activity,
            @NotNull Boolean laughedTogether,
            @Size(max = 4000) String newMemory)
            implements NewEntry {

        @Override
        public ShareActivity command(UUID journalId, String person, Long expectedVersion, UUID entryId) {
            return new ShareActivity(
                    journalId, person, expectedVersion, entryId, occurredAt, activity, laughedTogether, newMemory);
        }
    }

    record PersonalTime(
            @NotNull Instant occurredAt,
            @NotNull Whose whose,
            @NotBlank @Size(max = 200) String pursuit,
            @NotNull @Min(1) @Max(1440) Integer minutes)
            implements NewEntry {

        @Override
        public TakePersonalTime command(UUID journalId, String person, Long expectedVersion, UUID entryId) {
            return new TakePersonalTime(
                    journalId, person, expectedVersion, entryId, occurredAt, whose, pursuit, minutes);
        }
    }

    record CheckIn(
            @NotNull @Min(1) @Max(5) Integer mood,
            @NotNull @Min(1) @Max(5) Integer connection,
            @Size(max = 4000) String note,
            Instant occurredAt)
            implements NewEntry {

        @Override
        public JournalCommand.CheckIn command(UUID journalId, String person, Long expectedVersion, UUID entryId) {
            return new JournalCommand.CheckIn(
                    journalId, person, expectedVersion, entryId, mood, connection, note, occurredAt);
        }
    }

    /** A date is an entry too: its dateId is its entryId. */
    public record PlanDateRequest(
            @NotNull Instant plannedFor,
            @NotBlank @Size(max = 200) String idea,
            @NotNull DateKind kind) implements NewEntry {

        @Override
        public PlanDate command(UUID journalId, String person, Long expectedVersion, UUID dateId) {
            return new PlanDate(journalId, person, expectedVersion, dateId, plannedFor, idea, kind);
        }
    }

    /** Keys are the field names of the entry's logging event, e.g. {@code feltHeard} or {@code occurredAt}. */
    record Amendment(
            @NotEmpty Map<String, Object> changes,
            @Size(max = 4000) String reason) {}

    record Retraction(@Size(max = 4000) String reason) {}
}
