package app.rekindle.command.journal;

import app.rekindle.events.Step;

/** A completed step must be reopened before it can be completed again. */
public final class StepAlreadyCompleted extends JournalRejection {

    public StepAlreadyCompleted(Step step) {
        super(Category.CONFLICT, "step-already-completed", "Step already completed",
                "Step " + step.slug() + " is already completed.");
    }
}
