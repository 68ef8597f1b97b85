package app.rekindle.events;

/** Who started a conversation. */
public enum Initiator {
    ME,
    PARTNER
}
