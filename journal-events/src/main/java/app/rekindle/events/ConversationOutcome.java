package app.rekindle.events;

public enum ConversationOutcome {
    RESOLVED,
    PARTLY_RESOLVED,
    UNRESOLVED,
    ESCALATED
}
