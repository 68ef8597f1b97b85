package app.rekindle.command.journal;

import static app.rekindle.command.journal.FieldRules.longText;
import static app.rekindle.command.journal.FieldRules.optionalLongText;
import static app.rekindle.command.journal.FieldRules.required;

import app.rekindle.command.journal.JournalCommand.CompleteStep;
import app.rekindle.command.journal.JournalCommand.ReopenStep;
import app.rekindle.command.journal.JournalCommand.StartStep;
import app.rekindle.command.journal.JournalRejection.StepAlreadyCompleted;
import app.rekindle.command.journal.JournalRejection.StepAlreadyStarted;
import app.rekindle.command.journal.JournalRejection.StepNotCompleted;
import app.rekindle.command.journal.JournalRejection.StepNotReady;
import app.rekindle.command.journal.JournalRejection.StepNotStarted;
import app.rekindle.events.JournalEvent.StepCompleted;
import app.rekindle.events.JournalEvent.StepReopened;
import app.rekindle.events.JournalEvent.StepStarted;
import app.rekindle.events.Step;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** Where each of the six steps stands; a step nobody touched is NOT_STARTED. */
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
final class JournalSteps {

    enum Status {
        NOT_STARTED,
        IN_PROGRESS,
        COMPLETED
    }

    private Map<Step, Status> statuses = new EnumMap<>(Step.class);

    Status status(Step step) {
        return statuses.getOrDefault(step, Status.NOT_STARTED);
    }

    boolean notStarted(Step step) {
        return status(step) == Status.NOT_STARTED;
    }

    StepStarted start(StartStep c, Instant now) {
        requireStartable(required("step", c.step()));
        return new StepStarted(c.journalId(), c.step(), now, now);
    }

    StepCompleted completion(CompleteStep c, long liveEntries, Instant now) {
        String summary = optionalLongText("summary", c.summary());
        requireCompletable(required("step", c.step()), liveEntries);
        return new StepCompleted(c.journalId(), c.step(), summary, now, now);
    }

    StepReopened reopening(ReopenStep c, Instant now) {
        String reason = longText("reason", c.reason());
        requireReopenable(required("step", c.step()));
        return new StepReopened(c.journalId(), c.step(), reason, now, now);
    }

    private void requireStartable(Step step) {
        if (!notStarted(step)) {
            throw new StepAlreadyStarted(step, status(step) == Status.COMPLETED ? "completed" : "in progress");
        }
    }

    /** Completing needs the step in progress and something (not retracted) logged for it. */
    private void requireCompletable(Step step, long liveEntries) {
        switch (status(step)) {
            case NOT_STARTED -> throw new StepNotStarted(step);
            case COMPLETED -> throw new StepAlreadyCompleted(step);
            case IN_PROGRESS -> {
                if (liveEntries == 0) {
                    throw new StepNotReady(step);
                }
            }
        }
    }

    private void requireReopenable(Step step) {
        if (status(step) != Status.COMPLETED) {
            throw new StepNotCompleted(step);
        }
    }

    void started(Step step) {
        statuses.put(step, Status.IN_PROGRESS);
    }

    void completed(Step step) {
        statuses.put(step, Status.COMPLETED);
    }

    void reopened(Step step) {
        statuses.put(step, Status.IN_PROGRESS);
    }
}
