package app.rekindle.command.entries;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * A batch of new entries for one journal (offline sync): each item names its kind ({@code type}, as in its
 * single endpoint's path), its own Idempotency-Key, the entry id the client chose, and exactly the body its kind's
 * single endpoint takes.
 */
record Batch(@NotNull @Size(min = 1, max = MAX_ITEMS) List<@NotNull @Valid BatchItem> items) {

    /** Items per batch: bounds a request's work (one append, one claim and one store of keys for all of them). */
    static final int MAX_ITEMS = 100;

    record BatchItem(
            @NotBlank @Size(max = 200) String idempotencyKey,
            @NotNull UUID entryId,

            @NotNull
            @Valid
            @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXTERNAL_PROPERTY, property = "type")
            @JsonSubTypes({
                @JsonSubTypes.Type(value = EntryRequests.Reflection.class, name = "reflection"),
                @JsonSubTypes.Type(value = EntryRequests.Conversation.class, name = "conversation"),
                @JsonSubTypes.Type(value = EntryRequests.Gesture.class, name = "gesture"),
                @JsonSubTypes.Type(value = EntryRequests.CheckIn.class, name = "check-in"),
                @JsonSubTypes.Type(value = EntryRequests.Activity.class, name = "activity"),
                @JsonSubTypes.Type(value = EntryRequests.PersonalTime.class, name = "personal-time"),
                @JsonSubTypes.Type(value = EntryRequests.PlanDateRequest.class, name = "date")
            })
            EntryRequests.NewEntry body) {}
}
