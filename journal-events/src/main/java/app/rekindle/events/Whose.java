package app.rekindle.events;

/** Whose personal time an entry records: the journaling person's or their partner's. */
public enum Whose {
    MINE,
    PARTNERS
}
