package app.rekindle.events;

public enum GestureKind {
    ASKED_ABOUT_DAY,
    SUPPORTED_GOAL,
    SMALL_GESTURE,
    OTHER
}
