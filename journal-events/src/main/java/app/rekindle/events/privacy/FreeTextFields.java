package app.rekindle.events.privacy;

import app.rekindle.events.JournalEvent;
import app.rekindle.events.JournalEvent.*;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which fields of each event are personal free text, sealed before an event is stored or published. Everything
 * else (ids, times, dates, ratings, minutes, enums, the owner's subject, the timezone) stays readable for
 * ordering, analytics and the aggregate's rules. A test walks the sealed hierarchy so a new String field is
 * either listed here or deliberately left readable.
 */
final class FreeTextFields {

    /** In {@code entry-amended}, the values under {@code changes} whose keys name one of these fields are sealed. */
    static final String CHANGES = "changes";

    private static final Map<Class<? extends JournalEvent>, List<String>> BY_TYPE = Map.ofEntries(
            Map.entry(JournalOpened.class, List.of("partnerName", "intention")),
            Map.entry(ReflectionLogged.class, List.of("text", "myPart", "theirPart", "lesson")),
            Map.entry(ConversationLogged.class, List.of("topic", "notes")),
            Map.entry(GestureLogged.class, List.of("description")),
            Map.entry(DatePlanned.class, List.of("idea")),
            Map.entry(DateHappened.class, List.of("memory")),
            Map.entry(DateCancelled.class, List.of("reason")),
            Map.entry(ActivityShared.class, List.of("activity", "newMemory")),
            Map.entry(PersonalTimeTaken.class, List.of("pursuit")),
            Map.entry(CheckedIn.class, List.of("note")),
            Map.entry(StepCompleted.class, List.of("summary")),
            Map.entry(StepReopened.class, List.of("reason")),
            Map.entry(EntryAmended.class, List.of("reason")),
            Map.entry(EntryRetracted.class, List.of("reason")),
            Map.entry(JournalClosed.class, List.of("note")));

    /** Every free-text field name of an entry: the amendable ones among them are sealed inside {@code changes}. */
    static final Set<String> ENTRY_FIELDS =
            BY_TYPE.values().stream().flatMap(List::stream).collect(Collectors.toUnmodifiableSet());

    private FreeTextFields() {}

    static List<String> of(Class<?> type) {
        return BY_TYPE.getOrDefault(type, List.of());
    }
}
