package app.rekindle.events;

/** A record names an event type this build does not know: a newer producer, or a corrupt record. */
public class UnknownEventTypeException extends RuntimeException {

    public UnknownEventTypeException(String typeName) {
        super("Unknown journal event type: " + typeName);
    }
}
