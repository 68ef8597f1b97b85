package app.rekindle.command.journal;

import app.rekindle.events.Step;

/** Only a step that was never started can be started. */
public final class StepAlreadyStarted extends JournalRejection {

    public StepAlreadyStarted(Step step, String status) {
        super(Category.CONFLICT, "step-already-started", "Step already started",
                "Step " + step.slug() + " is already " + status + ".");
    }
}
