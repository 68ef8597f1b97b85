package app.rekindle.command.journal;

import app.rekindle.events.Step;

/** Only a completed step can be reopened. */
public final class StepNotCompleted extends JournalRejection {

    public StepNotCompleted(Step step) {
        super(Category.CONFLICT, "step-not-completed", "Step not completed",
                "Step " + step.slug() + " is not completed, so it cannot be reopened.");
    }
}
