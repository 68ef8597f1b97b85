package app.rekindle.events;

public enum DateKind {
    SURPRISE,
    RECREATED_MEMORY,
    NEW_ACTIVITY,
    CLASSIC
}
