package app.rekindle.command.journal;

import app.rekindle.command.journal.JournalCommand.AmendEntry;
import app.rekindle.command.journal.JournalCommand.CancelDate;
import app.rekindle.command.journal.JournalCommand.CheckIn;
import app.rekindle.command.journal.JournalCommand.CloseJournal;
import app.rekindle.command.journal.JournalCommand.CompleteStep;
import app.rekindle.command.journal.JournalCommand.LogConversation;
import app.rekindle.command.journal.JournalCommand.LogGesture;
import app.rekindle.command.journal.JournalCommand.LogReflection;
import app.rekindle.command.journal.JournalCommand.MarkDateHappened;
import app.rekindle.command.journal.JournalCommand.OpenJournal;
import app.rekindle.command.journal.JournalCommand.PlanDate;
import app.rekindle.command.journal.JournalCommand.ReopenStep;
import app.rekindle.command.journal.JournalCommand.RetractEntry;
import app.rekindle.command.journal.JournalCommand.ShareActivity;
import app.rekindle.command.journal.JournalCommand.StartStep;
import app.rekindle.command.journal.JournalCommand.TakePersonalTime;
import app.rekindle.command.journal.JournalRejection.InvalidField;
import app.rekindle.events.JournalEvent;
import app.rekindle.events.JournalEvent.*;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Decides an imported journal's events again, one after another, as the commands that recorded them would have
 * been decided at their {@code recordedAt}: the same field rules, windows and journal rules (an entry logged once,
 * amended only while live, a date resolved once, steps in order, nothing after closing). So an import can hold
 * nothing a person could not have typed. {@code recordedAt} itself must lie in {@code ValueWindows.recorded(now)}
 * and never go backwards. A breach is an {@link InvalidField} naming the event's own field.
 */
public final class JournalImport {

    private final String person;
    private final Instant now;
    private final JournalState state = new JournalState();
    private Instant lastRecorded;

    /** {@code person} imports, at {@code now}. */
    public JournalImport(String person, Instant now) {
        this.person = person;
        this.now = now;
    }

    /** The event as the rules decide it (state changes take their {@code occurredAt} from {@code recordedAt}). */
    public JournalEvent next(JournalEvent event) {
        if ((lastRecorded == null) != (event instanceof JournalOpened)) {
            throw new InvalidField("type", "opened-first", "The journal must be opened first, and once.");
        }
        Instant at = FieldRules.recorded("recordedAt", event.recordedAt(), now);
        if (lastRecorded != null && at.isBefore(lastRecorded)) {
            throw new InvalidField(
                    "recordedAt", "not-backwards", "recordedAt must not be earlier than the previous event's.");
        }
        if (state.closed()) {
            throw new InvalidField("type", "journal-closed", "Nothing can follow the journal's closing.");
        }
        JournalEvent decided;
        try {
            decided = decide(event, at);
        } catch (InvalidField invalid) {
            throw new InvalidField(eventField(event, invalid.field()), invalid.rule(), invalid.getMessage());
        } catch (JournalRejection rejection) {
            throw new InvalidField(subject(event), rejection.problemType(), rejection.getMessage());
        }
        state.evolve(decided);
        lastRecorded = at;
        return decided;
    }

    private JournalEvent decide(JournalEvent event, Instant at) {
        UUID journal = event.journalId();
        return switch (event) {
            case JournalOpened e -> {
                if (!person.equals(e.ownerId())) {
                    throw new InvalidField("ownerId", "owner", "ownerId must be the person importing it.");
                }
                yield Journal.opening(
                        new OpenJournal(journal, e.ownerId(), e.partnerName(), e.intention(), e.timezone()), at);
            }
            case ReflectionLogged e ->
                logged(NewEntries.reflection(
                        new LogReflection(
                                journal,
                                person,
                                null,
                                e.entryId(),
                                e.occurredOn(),
                                e.text(),
                                e.myPart(),
                                e.theirPart(),
                                e.lesson()),
                        state.zone(),
                        at));
            case ConversationLogged e ->
                logged(NewEntries.conversation(
                        new LogConversation(
                                journal,
                                person,
                                null,
                                e.entryId(),
                                e.occurredAt(),
                                e.topic(),
                                e.initiatedBy(),
                                e.minutes(),
                                e.feltHeard(),
                                e.listenedWell(),
                                e.outcome(),
                                e.channel(),
                                e.notes()),
                        at));
            case GestureLogged e ->
                logged(NewEntries.gesture(
                        new LogGesture(
                                journal, person, null, e.entryId(), e.occurredAt(), e.gesture(), e.description()),
                        at));
            case DatePlanned e ->
                logged(NewEntries.date(
                        new PlanDate(journal, person, null, e.entryId(), e.plannedFor(), e.idea(), e.dateKind()), at));
            case ActivityShared e ->
                logged(NewEntries.activity(
                        new ShareActivity(
                                journal,
                                person,
                                null,
                                e.entryId(),
                                e.occurredAt(),
                                e.activity(),
                                e.laughedTogether(),
                                e.newMemory()),
                        at));
            case PersonalTimeTaken e ->
                logged(NewEntries.personalTime(
                        new TakePersonalTime(
                                journal,
                                person,
                                null,
                                e.entryId(),
                                e.occurredAt(),
                                e.whose(),
                                e.pursuit(),
                                e.minutes()),
                        at));
            case CheckedIn e ->
                logged(NewEntries.checkIn(
                        new CheckIn(
                                journal, person, null, e.entryId(), e.mood(), e.connection(), e.note(), e.occurredAt()),
                        at));
            case DateHappened e ->
                state.entries()
                        .happened(
                                new MarkDateHappened(
                                        journal, person, null, e.entryId(), e.rating(), e.memory(), e.occurredAt()),
                                at);
            case DateCancelled e ->
                state.entries().cancellation(new CancelDate(journal, person, null, e.entryId(), e.reason()), at);
            case StepStarted e -> {
                // Started by a command (occurredAt = recordedAt) or by an entry logged into it (the entry's time).
                state.steps().start(new StartStep(journal, person, null, e.step()), at);
                yield new StepStarted(journal, e.step(), FieldRules.happened("occurredAt", e.occurredAt(), at), at);
            }
            case StepCompleted e ->
                state.steps()
                        .completion(
                                new CompleteStep(journal, person, null, e.step(), e.summary()),
                                e.step() == null ? 0 : state.entries().liveEntriesOf(e.step()),
                                at);
            case StepReopened e ->
                state.steps().reopening(new ReopenStep(journal, person, null, e.step(), e.reason()), at);
            case EntryAmended e ->
                state.entries()
                        .amendment(new AmendEntry(journal, person, null, e.entryId(), e.changes(), e.reason()), at);
            case EntryRetracted e ->
                state.entries().retraction(new RetractEntry(journal, person, null, e.entryId(), e.reason()), at);
            case JournalClosed e -> state.closure(new CloseJournal(journal, person, null, e.outcome(), e.note()), at);
            case JournalErased e ->
                throw new InvalidField("type", "not-erased", "An erased journal cannot be imported.");
        };
    }

    private EntryLogged logged(EntryLogged entry) {
        state.entries().requireNew(entry.entryId());
        return entry;
    }

    /** Where the commands' field names differ from the event's, the answer names the event's. */
    private static String eventField(JournalEvent event, String commandField) {
        Map<String, String> renamed =
                switch (event) {
                    case JournalOpened e -> Map.of("requestedBy", "ownerId");
                    case GestureLogged e -> Map.of("kind", "gesture");
                    case DatePlanned e -> Map.of("dateId", "entryId", "kind", "dateKind");
                    case DateHappened e -> Map.of("dateId", "entryId");
                    case DateCancelled e -> Map.of("dateId", "entryId");
                    case ReflectionLogged e -> Map.of();
                    case ConversationLogged e -> Map.of();
                    case ActivityShared e -> Map.of();
                    case PersonalTimeTaken e -> Map.of();
                    case CheckedIn e -> Map.of();
                    case StepStarted e -> Map.of();
                    case StepCompleted e -> Map.of();
                    case StepReopened e -> Map.of();
                    case EntryAmended e -> Map.of();
                    case EntryRetracted e -> Map.of();
                    case JournalClosed e -> Map.of();
                    case JournalErased e -> Map.of();
                };
        return renamed.getOrDefault(commandField, commandField);
    }

    /** The field a journal rule (not a field rule) is about: the entry or step the event names, else its type. */
    private static String subject(JournalEvent event) {
        return switch (event) {
            case EntryLogged e -> "entryId";
            case DateHappened e -> "entryId";
            case DateCancelled e -> "entryId";
            case EntryAmended e -> "entryId";
            case EntryRetracted e -> "entryId";
            case StepStarted e -> "step";
            case StepCompleted e -> "step";
            case StepReopened e -> "step";
            case JournalOpened e -> "type";
            case JournalClosed e -> "type";
            case JournalErased e -> "type";
        };
    }
}
