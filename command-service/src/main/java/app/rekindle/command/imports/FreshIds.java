package app.rekindle.command.imports;

import app.rekindle.events.JournalEvent;
import app.rekindle.events.JournalEvent.*;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Gives an imported journal ids of its own: a fresh journal id, and a fresh id for every entry (dates included),
 * used consistently by every event that refers to it. Whatever ids an export carries, they can then neither
 * collide with anyone's journal or entries nor tell the importer whether they exist.
 */
final class FreshIds {

    private final UUID journalId = UUID.randomUUID();
    private final Map<UUID, UUID> entries = new HashMap<>();

    UUID journalId() {
        return journalId;
    }

    JournalEvent of(JournalEvent event) {
        UUID j = journalId;
        return switch (event) {
            case JournalOpened e ->
                new JournalOpened(
                        j, e.ownerId(), e.partnerName(), e.intention(), e.timezone(), e.occurredAt(), e.recordedAt());
            case ReflectionLogged e ->
                new ReflectionLogged(
                        j,
                        entry(e.entryId()),
                        e.occurredOn(),
                        e.text(),
                        e.myPart(),
                        e.theirPart(),
                        e.lesson(),
                        e.occurredAt(),
                        e.recordedAt());
            case ConversationLogged e ->
                new ConversationLogged(
                        j,
                        entry(e.entryId()),
                        e.topic(),
                        e.initiatedBy(),
                        e.minutes(),
                        e.feltHeard(),
                        e.listenedWell(),
                        e.outcome(),
                        e.channel(),
                        e.notes(),
                        e.occurredAt(),
                        e.recordedAt());
            case GestureLogged e ->
                new GestureLogged(j, entry(e.entryId()), e.gesture(), e.description(), e.occurredAt(), e.recordedAt());
            case DatePlanned e ->
                new DatePlanned(
                        j, entry(e.entryId()), e.plannedFor(), e.idea(), e.dateKind(), e.occurredAt(), e.recordedAt());
            case DateHappened e ->
                new DateHappened(j, entry(e.entryId()), e.rating(), e.memory(), e.occurredAt(), e.recordedAt());
            case DateCancelled e ->
                new DateCancelled(j, entry(e.entryId()), e.reason(), e.occurredAt(), e.recordedAt());
            case ActivityShared e ->
                new ActivityShared(
                        j,
                        entry(e.entryId()),
                        e.activity(),
                        e.laughedTogether(),
                        e.newMemory(),
                        e.occurredAt(),
                        e.recordedAt());
            case PersonalTimeTaken e ->
                new PersonalTimeTaken(
                        j, entry(e.entryId()), e.whose(), e.pursuit(), e.minutes(), e.occurredAt(), e.recordedAt());
            case CheckedIn e ->
                new CheckedIn(
                        j, entry(e.entryId()), e.mood(), e.connection(), e.note(), e.occurredAt(), e.recordedAt());
            case StepStarted e -> new StepStarted(j, e.step(), e.occurredAt(), e.recordedAt());
            case StepCompleted e -> new StepCompleted(j, e.step(), e.summary(), e.occurredAt(), e.recordedAt());
            case StepReopened e -> new StepReopened(j, e.step(), e.reason(), e.occurredAt(), e.recordedAt());
            case EntryAmended e ->
                new EntryAmended(j, entry(e.entryId()), e.changes(), e.reason(), e.occurredAt(), e.recordedAt());
            case EntryRetracted e ->
                new EntryRetracted(j, entry(e.entryId()), e.reason(), e.occurredAt(), e.recordedAt());
            case JournalClosed e -> new JournalClosed(j, e.outcome(), e.note(), e.occurredAt(), e.recordedAt());
            case JournalErased e -> new JournalErased(j, e.occurredAt(), e.recordedAt());
        };
    }

    /** The journal rules already refused references to entries not logged before, so every id here is known. */
    private UUID entry(UUID exported) {
        return entries.computeIfAbsent(exported, id -> UUID.randomUUID());
    }
}
