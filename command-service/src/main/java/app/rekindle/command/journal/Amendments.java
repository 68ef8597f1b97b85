package app.rekindle.command.journal;

import static app.rekindle.command.journal.AmendableValue.bool;
import static app.rekindle.command.journal.AmendableValue.day;
import static app.rekindle.command.journal.AmendableValue.longText;
import static app.rekindle.command.journal.AmendableValue.minutes;
import static app.rekindle.command.journal.AmendableValue.oneOf;
import static app.rekindle.command.journal.AmendableValue.optionalLongText;
import static app.rekindle.command.journal.AmendableValue.pastInstant;
import static app.rekindle.command.journal.AmendableValue.plannedInstant;
import static app.rekindle.command.journal.AmendableValue.rating;
import static app.rekindle.command.journal.AmendableValue.shortText;

import app.rekindle.command.journal.JournalRejection.InvalidField;
import app.rekindle.events.ConversationChannel;
import app.rekindle.events.ConversationOutcome;
import app.rekindle.events.DateKind;
import app.rekindle.events.EntryKind;
import app.rekindle.events.GestureKind;
import app.rekindle.events.Initiator;
import app.rekindle.events.Whose;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which fields of each kind of entry may be amended, checked like on logging. Keys are the field names of
 * the logging event; ids and the recording time are what define an entry, so they never change.
 */
final class Amendments {

    private static final Map<EntryKind, Map<String, AmendableValue>> FIELDS = Map.of(
            EntryKind.REFLECTION,
                    Map.of(
                            "occurredOn",
                            day(),
                            "text",
                            longText(),
                            "myPart",
                            optionalLongText(),
                            "theirPart",
                            optionalLongText(),
                            "lesson",
                            optionalLongText()),
            EntryKind.CONVERSATION,
                    Map.of(
                            "occurredAt",
                            pastInstant(),
                            "topic",
                            shortText(),
                            "initiatedBy",
                            oneOf(Initiator.class),
                            "minutes",
                            minutes(),
                            "feltHeard",
                            rating(),
                            "listenedWell",
                            rating(),
                            "outcome",
                            oneOf(ConversationOutcome.class),
                            "channel",
                            oneOf(ConversationChannel.class),
                            "notes",
                            optionalLongText()),
            EntryKind.GESTURE,
                    Map.of(
                            "occurredAt",
                            pastInstant(),
                            "gesture",
                            oneOf(GestureKind.class),
                            "description",
                            optionalLongText()),
            EntryKind.DATE,
                    Map.of("plannedFor", plannedInstant(), "idea", shortText(), "dateKind", oneOf(DateKind.class)),
            EntryKind.ACTIVITY,
                    Map.of(
                            "occurredAt",
                            pastInstant(),
                            "activity",
                            shortText(),
                            "laughedTogether",
                            bool(),
                            "newMemory",
                            optionalLongText()),
            EntryKind.PERSONAL_TIME,
                    Map.of(
                            "occurredAt",
                            pastInstant(),
                            "whose",
                            oneOf(Whose.class),
                            "pursuit",
                            shortText(),
                            "minutes",
                            minutes()),
            EntryKind.CHECK_IN,
                    Map.of(
                            "occurredAt",
                            pastInstant(),
                            "mood",
                            rating(),
                            "connection",
                            rating(),
                            "note",
                            optionalLongText()));

    private Amendments() {}

    /** The fields of this kind of entry an amendment may change. */
    static Set<String> amendable(EntryKind kind) {
        return FIELDS.get(kind).keySet();
    }

    /** The changes, checked and normalised to JSON scalars (enums by name, times in ISO-8601). */
    static Map<String, Object> check(EntryKind kind, Map<String, Object> changes, Instant now) {
        if (changes == null || changes.isEmpty()) {
            throw new InvalidField("changes", "required", "changes must name at least one field.");
        }
        Map<String, AmendableValue> allowed = FIELDS.get(kind);
        Map<String, Object> checked = new LinkedHashMap<>();
        changes.forEach((field, value) -> {
            AmendableValue rule = allowed.get(field);
            if (rule == null) {
                throw new InvalidField(
                        "changes." + field,
                        "not-amendable",
                        field + " cannot be amended on a " + kind.name().toLowerCase() + " entry.");
            }
            if (value == null) {
                // An amendment sets values; it cannot remove one (and the event holds no nulls).
                throw new InvalidField("changes." + field, "not-null", "changes." + field + " must have a value.");
            }
            checked.put(field, rule.check("changes." + field, value, now));
        });
        return checked;
    }
}
