package app.rekindle.events;

/**
 * The stable public identity of an event's serialized form: a name that never follows Java class
 * renames, and a schema version that grows when the shape changes.
 */
public record EventType(String name, int version) {

    static final String CLOUD_EVENTS_PREFIX = "app.rekindle.journal.";

    /** The CloudEvents {@code type} attribute, e.g. {@code app.rekindle.journal.conversation-logged}. */
    public String cloudEventType() {
        return CLOUD_EVENTS_PREFIX + name;
    }
}
