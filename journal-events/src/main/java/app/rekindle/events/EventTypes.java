package app.rekindle.events;

import app.rekindle.events.JournalEvent.*;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of event names and current schema versions. A test walks the sealed hierarchy so an
 * event added to {@link JournalEvent} without a name here fails the build.
 */
public final class EventTypes {

    private static final Map<Class<? extends JournalEvent>, EventType> TYPES_BY_CLASS = new LinkedHashMap<>();
    private static final Map<String, Class<? extends JournalEvent>> CLASSES_BY_NAME = new LinkedHashMap<>();

    static {
        register(JournalOpened.class, "journal-opened", 1);
        register(ReflectionLogged.class, "reflection-logged", 1);
        register(ConversationLogged.class, "conversation-logged", 2);
        register(GestureLogged.class, "gesture-logged", 1);
        register(DatePlanned.class, "date-planned", 1);
        register(DateHappened.class, "date-happened", 1);
        register(DateCancelled.class, "date-cancelled", 1);
        register(ActivityShared.class, "activity-shared", 1);
        register(PersonalTimeTaken.class, "personal-time-taken", 1);
        register(CheckedIn.class, "checked-in", 1);
        register(StepStarted.class, "step-started", 1);
        register(StepCompleted.class, "step-completed", 1);
        register(StepReopened.class, "step-reopened", 1);
        register(EntryAmended.class, "entry-amended", 1);
        register(EntryRetracted.class, "entry-retracted", 1);
        register(JournalClosed.class, "journal-closed", 1);
        register(JournalErased.class, "journal-erased", 1);
    }

    private EventTypes() {}

    private static void register(Class<? extends JournalEvent> type, String name, int version) {
        TYPES_BY_CLASS.put(type, new EventType(name, version));
        CLASSES_BY_NAME.put(name, type);
    }

    public static EventType of(JournalEvent event) {
        return typeOf(event.getClass());
    }

    public static EventType typeOf(Class<?> type) {
        EventType eventType = TYPES_BY_CLASS.get(type);
        if (eventType == null) {
            throw new IllegalArgumentException("Not a registered journal event: " + type.getName());
        }
        return eventType;
    }

    public static Optional<Class<? extends JournalEvent>> classFor(String name) {
        return Optional.ofNullable(CLASSES_BY_NAME.get(name));
    }

    public static Map<String, Class<? extends JournalEvent>> byName() {
        return Map.copyOf(CLASSES_BY_NAME);
    }
}
