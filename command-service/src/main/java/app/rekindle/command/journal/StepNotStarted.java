package app.rekindle.command.journal;

import app.rekindle.events.Step;

/** Completing needs a step in progress. */
public final class StepNotStarted extends JournalRejection {

    public StepNotStarted(Step step) {
        super(Category.CONFLICT, "step-not-started", "Step not started",
                "Step " + step.slug() + " has not been started.");
    }
}
