package app.rekindle.events;

import java.util.Optional;

/** What kind of thing an entry records, and the step it belongs to (check-ins span all steps). */
public enum EntryKind {
    REFLECTION(Step.REFLECT_ON_THE_PAST),
    CONVERSATION(Step.COMMUNICATE_OPENLY),
    GESTURE(Step.SHOW_GENUINE_INTEREST),
    DATE(Step.REKINDLE_ROMANCE),
    ACTIVITY(Step.REIGNITE_FRIENDSHIP),
    PERSONAL_TIME(Step.GIVE_EACH_OTHER_SPACE),
    CHECK_IN(null);

    private final Step step;

    EntryKind(Step step) {
        this.step = step;
    }

    public Optional<Step> step() {
        return Optional.ofNullable(step);
    }
}
