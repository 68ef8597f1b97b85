package app.rekindle.command.entries;

import app.rekindle.events.ConversationChannel;
import app.rekindle.events.ConversationOutcome;
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

/** Request bodies for logging and correcting entries; the journal checks the same rules again. */
final class EntryRequests {

    private EntryRequests() {
    }

    record Reflection(@NotNull LocalDate occurredOn, @NotBlank @Size(max = 4000) String text,
                      @Size(max = 4000) String myPart, @Size(max = 4000) String theirPart,
                      @Size(max = 4000) String lesson) {
    }

    record Conversation(@NotNull Instant occurredAt, @NotBlank @Size(max = 200) String topic,
                        @NotNull Initiator initiatedBy, @NotNull @Min(1) @Max(1440) Integer minutes,
                        @NotNull @Min(1) @Max(5) Integer feltHeard, @NotNull @Min(1) @Max(5) Integer listenedWell,
                        @NotNull ConversationOutcome outcome, ConversationChannel channel,
                        @Size(max = 4000) String notes) {
    }

    record Gesture(@NotNull Instant occurredAt, @NotNull GestureKind kind, @Size(max = 4000) String description) {
    }

    record Activity(@NotNull Instant occurredAt, @NotBlank @Size(max = 200) String activity,
                    @NotNull Boolean laughedTogether, @Size(max = 4000) String newMemory) {
    }

    record PersonalTime(@NotNull Instant occurredAt, @NotNull Whose whose, @NotBlank @Size(max = 200) String pursuit,
                        @NotNull @Min(1) @Max(1440) Integer minutes) {
    }

    record CheckIn(@NotNull @Min(1) @Max(5) Integer mood, @NotNull @Min(1) @Max(5) Integer connection,
                   @Size(max = 4000) String note, Instant occurredAt) {
    }

    /** Keys are the field names of the entry's logging event, e.g. {@code feltHeard} or {@code occurredAt}. */
    record Amendment(@NotEmpty Map<String, Object> changes, @Size(max = 4000) String reason) {
    }

    record Retraction(@Size(max = 4000) String reason) {
    }
}
