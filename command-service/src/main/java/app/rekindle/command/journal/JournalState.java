package app.rekindle.command.journal;

import static app.rekindle.command.journal.FieldRules.optionalLongText;
import static app.rekindle.command.journal.FieldRules.required;

import app.rekindle.command.journal.JournalCommand.CloseJournal;
import app.rekindle.command.journal.JournalRejection.JournalAlreadyClosed;
import app.rekindle.command.journal.JournalRejection.JournalNotFound;
import app.rekindle.command.journal.JournalRejection.StaleVersion;
import app.rekindle.events.JournalEvent;
import app.rekindle.events.JournalEvent.*;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.axonframework.modelling.command.AggregateLifecycle;

/** Who owns the journal, whether it is closed, and where its steps and entries stand. */
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
final class JournalState {

    private String ownerId;
    private String timezone;
    private boolean closed;
    /** The last event's recordedAt: a clock stepped back must not record an event before its predecessor. */
    private Instant recordedUpTo;

    private JournalSteps steps = new JournalSteps();
    private JournalEntries entries = new JournalEntries();

    JournalSteps steps() {
        return steps;
    }

    JournalEntries entries() {
        return entries;
    }

    ZoneId zone() {
        return ZoneId.of(timezone);
    }

    /**
     * Lets the owner in; someone else's journal answers exactly like a missing one. The If-Match version is
     * checked here, after ownership, rather than by Axon's repository (which checks before any handler runs
     * and so would tell a stranger that the journal exists).
     */
    Instant admit(JournalCommand c, Clock clock) {
        if (!ownerId.equals(c.requestedBy())) {
            throw new JournalNotFound();
        }
        if (c.expectedVersion() != null && !c.expectedVersion().equals(AggregateLifecycle.getVersion())) {
            throw new StaleVersion();
        }
        Instant now = clock.instant();
        return recordedUpTo != null && now.isBefore(recordedUpTo) ? recordedUpTo : now;
    }

    /** Like {@link #admit}, for commands a closed journal no longer takes. */
    Instant admitChange(JournalCommand c, Clock clock) {
        Instant now = admit(c, clock);
        if (closed) {
            throw new JournalAlreadyClosed();
        }
        return now;
    }

    /** For {@link JournalImport}: nothing follows a closing. */
    boolean closed() {
        return closed;
    }

    JournalClosed closure(CloseJournal c, Instant now) {
        return new JournalClosed(
                c.journalId(), required("outcome", c.outcome()), optionalLongText("note", c.note()), now, now);
    }

    void evolve(JournalEvent event) {
        recordedUpTo = event.recordedAt();
        switch (event) {
            case JournalOpened e -> {
                ownerId = e.ownerId();
                timezone = e.timezone();
            }
            case EntryLogged e -> entries.logged(e);
            case DateHappened e -> entries.dateResolved(e.entryId());
            case DateCancelled e -> entries.dateResolved(e.entryId());
            case StepStarted e -> steps.started(e.step());
            case StepCompleted e -> steps.completed(e.step());
            case StepReopened e -> steps.reopened(e.step());
            case EntryRetracted e -> entries.retracted(e.entryId());
            case JournalClosed e -> closed = true;
            // Amendments change what an entry says, not what the rules need; erasure is handled by the aggregate.
            case EntryAmended e -> {}
            case JournalErased e -> {}
        }
    }
}
