package app.rekindle.command.journal;

import static app.rekindle.command.journal.FieldRules.longText;
import static app.rekindle.command.journal.FieldRules.required;
import static app.rekindle.command.journal.FieldRules.shortText;
import static app.rekindle.command.journal.FieldRules.timezone;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import app.rekindle.command.journal.JournalCommand.AmendEntry;
import app.rekindle.command.journal.JournalCommand.CancelDate;
import app.rekindle.command.journal.JournalCommand.CheckIn;
import app.rekindle.command.journal.JournalCommand.CloseJournal;
import app.rekindle.command.journal.JournalCommand.CompleteStep;
import app.rekindle.command.journal.JournalCommand.EraseJournal;
import app.rekindle.command.journal.JournalCommand.LogConversation;
import app.rekindle.command.journal.JournalCommand.LogEntries;
import app.rekindle.command.journal.JournalCommand.LogGesture;
import app.rekindle.command.journal.JournalCommand.LogReflection;
import app.rekindle.command.journal.JournalCommand.MarkDateHappened;
import app.rekindle.command.journal.JournalCommand.NewEntry;
import app.rekindle.command.journal.JournalCommand.OpenJournal;
import app.rekindle.command.journal.JournalCommand.PlanDate;
import app.rekindle.command.journal.JournalCommand.ReopenStep;
import app.rekindle.command.journal.JournalCommand.RetractEntry;
import app.rekindle.command.journal.JournalCommand.ShareActivity;
import app.rekindle.command.journal.JournalCommand.StartStep;
import app.rekindle.command.journal.JournalCommand.TakePersonalTime;
import app.rekindle.command.journal.JournalRejection.ItemRejected;
import app.rekindle.events.JournalEvent;
import app.rekindle.events.JournalEvent.EntryLogged;
import app.rekindle.events.JournalEvent.JournalErased;
import app.rekindle.events.JournalEvent.JournalOpened;
import app.rekindle.events.JournalEvent.StepStarted;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonCreator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A person's journal of rebuilding one relationship. Command handlers decide (admit, check, then apply) and
 * answer with the journal's new version; only the event sourcing handler changes state. Times come from the
 * injected {@link Clock}, so tests are deterministic.
 */
// Revision 2 of the snapshot: entries as a list (SnapshotEntries). Axon skips snapshots of another revision.
@Revision("2")
@Aggregate(
        snapshotTriggerDefinition = "journalSnapshotTrigger",
        cache = "journalCache",
        commandTargetResolver = JournalCommandTargets.BEAN)
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class Journal {

    @AggregateIdentifier
    private UUID journalId;

    private JournalState state = new JournalState();

    protected Journal() {
        // for event sourcing and for loading snapshots
    }

    @CommandHandler
    @JsonCreator(mode = JsonCreator.Mode.DISABLED) // snapshots load through the no-argument constructor
    public Journal(OpenJournal c, Clock clock) {
        apply(opening(c, clock.instant()));
    }

    /** Shared with {@link JournalImport}: an imported journal is opened by the same rules. */
    static JournalOpened opening(OpenJournal c, Instant now) {
        return new JournalOpened(
                required("journalId", c.journalId()),
                required("requestedBy", c.requestedBy()),
                shortText("partnerName", c.partnerName()),
                longText("intention", c.intention()),
                timezone("timezone", c.timezone()),
                now,
                now);
    }

    @CommandHandler
    Long handle(LogReflection c, Clock clock) {
        Instant now = state.admitChange(c, clock);
        return logEntry(NewEntries.reflection(c, state.zone(), now));
    }

    @CommandHandler
    Long handle(LogConversation c, Clock clock) {
        return logEntry(NewEntries.conversation(c, state.admitChange(c, clock)));
    }

    @CommandHandler
    Long handle(LogGesture c, Clock clock) {
        return logEntry(NewEntries.gesture(c, state.admitChange(c, clock)));
    }

    @CommandHandler
    Long handle(PlanDate c, Clock clock) {
        return logEntry(NewEntries.date(c, state.admitChange(c, clock)));
    }

    @CommandHandler
    Long handle(ShareActivity c, Clock clock) {
        return logEntry(NewEntries.activity(c, state.admitChange(c, clock)));
    }

    @CommandHandler
    Long handle(TakePersonalTime c, Clock clock) {
        return logEntry(NewEntries.personalTime(c, state.admitChange(c, clock)));
    }

    @CommandHandler
    Long handle(CheckIn c, Clock clock) {
        return logEntry(NewEntries.checkIn(c, state.admitChange(c, clock)));
    }

    /** Answers the journal's version after each entry, in order; a rejected entry rejects the whole batch. */
    @CommandHandler
    List<Long> handle(LogEntries c, Clock clock) {
        Instant now = state.admitChange(c, clock);
        List<Long> versions = new ArrayList<>(c.entries().size());
        for (int i = 0; i < c.entries().size(); i++) {
            try {
                versions.add(logEntry(newEntry(c.entries().get(i), now)));
            } catch (JournalRejection rejection) {
                throw new ItemRejected(i, rejection);
            }
        }
        return versions;
    }

    @CommandHandler
    Long handle(MarkDateHappened c, Clock clock) {
        return applied(state.entries().happened(c, state.admitChange(c, clock)));
    }

    @CommandHandler
    Long handle(CancelDate c, Clock clock) {
        return applied(state.entries().cancellation(c, state.admitChange(c, clock)));
    }

    @CommandHandler
    Long handle(StartStep c, Clock clock) {
        return applied(state.steps().start(c, state.admitChange(c, clock)));
    }

    @CommandHandler
    Long handle(CompleteStep c, Clock clock) {
        Instant now = state.admitChange(c, clock);
        long liveEntries = c.step() == null ? 0 : state.entries().liveEntriesOf(c.step());
        return applied(state.steps().completion(c, liveEntries, now));
    }

    @CommandHandler
    Long handle(ReopenStep c, Clock clock) {
        return applied(state.steps().reopening(c, state.admitChange(c, clock)));
    }

    @CommandHandler
    Long handle(AmendEntry c, Clock clock) {
        return applied(state.entries().amendment(c, state.admitChange(c, clock)));
    }

    @CommandHandler
    Long handle(RetractEntry c, Clock clock) {
        return applied(state.entries().retraction(c, state.admitChange(c, clock)));
    }

    @CommandHandler
    Long handle(CloseJournal c, Clock clock) {
        return applied(state.closure(c, state.admitChange(c, clock)));
    }

    @CommandHandler
    Long handle(EraseJournal c, Clock clock) {
        Instant now = state.admit(c, clock);
        return applied(new JournalErased(journalId, now, now));
    }

    @EventSourcingHandler
    void on(JournalEvent event) {
        journalId = event.journalId();
        state.evolve(event);
        if (event instanceof JournalErased) {
            // From now on loading the journal fails like loading one that never existed.
            AggregateLifecycle.markDeleted();
        }
    }

    private EntryLogged newEntry(NewEntry entry, Instant now) {
        return switch (entry) {
            case LogReflection c -> NewEntries.reflection(c, state.zone(), now);
            case LogConversation c -> NewEntries.conversation(c, now);
            case LogGesture c -> NewEntries.gesture(c, now);
            case PlanDate c -> NewEntries.date(c, now);
            case ShareActivity c -> NewEntries.activity(c, now);
            case TakePersonalTime c -> NewEntries.personalTime(c, now);
            case CheckIn c -> NewEntries.checkIn(c, now);
        };
    }

    /** Logging into a step nobody started yet starts it first: two events from one command. */
    private Long logEntry(EntryLogged entry) {
        state.entries().requireNew(entry.entryId());
        Instant startedAt = entry.occurredAt().isBefore(entry.recordedAt()) ? entry.occurredAt() : entry.recordedAt();
        entry.kind()
                .step()
                .filter(state.steps()::notStarted)
                .ifPresent(step -> apply(new StepStarted(journalId, step, startedAt, entry.recordedAt())));
        return applied(entry);
    }

    private static Long applied(JournalEvent event) {
        apply(event);
        return AggregateLifecycle.getVersion();
    }
}
