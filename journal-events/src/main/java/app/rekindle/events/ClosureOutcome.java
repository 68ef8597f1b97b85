package app.rekindle.events;

public enum ClosureOutcome {
    RECONCILED,
    PARTED,
    PAUSED
}
