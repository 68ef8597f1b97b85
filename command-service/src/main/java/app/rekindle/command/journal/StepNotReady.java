package app.rekindle.command.journal;

import app.rekindle.events.Step;

/** Completing a step needs at least one entry of that step that was not retracted. */
public final class StepNotReady extends JournalRejection {

    public StepNotReady(Step step) {
        super(Category.NOT_READY, "step-not-ready", "Step not ready",
                "Step " + step.slug() + " has nothing logged yet; log something for it before completing it.");
    }
}
