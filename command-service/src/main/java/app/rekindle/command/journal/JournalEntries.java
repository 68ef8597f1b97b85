package app.rekindle.command.journal;

import static app.rekindle.command.journal.FieldRules.optionalLongText;
import static app.rekindle.command.journal.FieldRules.rating;

import app.rekindle.command.journal.JournalCommand.AmendEntry;
import app.rekindle.command.journal.JournalCommand.CancelDate;
import app.rekindle.command.journal.JournalCommand.MarkDateHappened;
import app.rekindle.command.journal.JournalCommand.RetractEntry;
import app.rekindle.command.journal.JournalRejection.DateAlreadyResolved;
import app.rekindle.command.journal.JournalRejection.EntryAlreadyExists;
import app.rekindle.command.journal.JournalRejection.EntryAlreadyRetracted;
import app.rekindle.command.journal.JournalRejection.EntryNotFound;
import app.rekindle.events.EntryKind;
import app.rekindle.events.JournalEvent.DateCancelled;
import app.rekindle.events.JournalEvent.DateHappened;
import app.rekindle.events.JournalEvent.EntryAmended;
import app.rekindle.events.JournalEvent.EntryLogged;
import app.rekindle.events.JournalEvent.EntryRetracted;
import app.rekindle.events.Step;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** What the journal remembers about its entries to decide later commands: kind, retracted, date resolved. */
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
final class JournalEntries {

    record Entry(EntryKind kind, boolean retracted, boolean resolved) {}

    // Mutable on purpose: it is part of the aggregate's snapshot and only changed by event sourcing handlers.
    // Stored as a list, not a JSON object keyed by entry id: see SnapshotEntries.
    @JsonProperty("entries")
    @JsonSerialize(converter = SnapshotEntries.ToList.class)
    @JsonDeserialize(converter = SnapshotEntries.ToMap.class)
    private Map<UUID, Entry> byId = new HashMap<>();

    void requireNew(UUID entryId) {
        if (byId.containsKey(entryId)) {
            throw new EntryAlreadyExists(entryId);
        }
    }

    /** The entry, if it exists and was not retracted. */
    private Entry requireLive(UUID entryId) {
        Entry entry = byId.get(entryId);
        if (entry == null) {
            throw new EntryNotFound("entry", entryId);
        }
        if (entry.retracted()) {
            throw new EntryAlreadyRetracted(entryId);
        }
        return entry;
    }

    /** A date that neither happened nor was cancelled yet. */
    private void requireOpenDate(UUID dateId) {
        Entry entry = byId.get(dateId);
        if (entry == null || entry.kind() != EntryKind.DATE) {
            throw new EntryNotFound("date", dateId);
        }
        if (entry.retracted()) {
            throw new EntryAlreadyRetracted(dateId);
        }
        if (entry.resolved()) {
            throw new DateAlreadyResolved(dateId);
        }
    }

    DateHappened happened(MarkDateHappened c, Instant now) {
        int rating = rating("rating", c.rating());
        Instant occurredAt = c.occurredAt() == null ? now : FieldRules.happened("occurredAt", c.occurredAt(), now);
        String memory = optionalLongText("memory", c.memory());
        requireOpenDate(c.dateId());
        return new DateHappened(c.journalId(), c.dateId(), rating, memory, occurredAt, now);
    }

    DateCancelled cancellation(CancelDate c, Instant now) {
        String reason = optionalLongText("reason", c.reason());
        requireOpenDate(c.dateId());
        return new DateCancelled(c.journalId(), c.dateId(), reason, now, now);
    }

    EntryAmended amendment(AmendEntry c, Instant now) {
        String reason = optionalLongText("reason", c.reason());
        Map<String, Object> changes = Amendments.check(requireLive(c.entryId()).kind(), c.changes(), now);
        return new EntryAmended(c.journalId(), c.entryId(), changes, reason, now, now);
    }

    EntryRetracted retraction(RetractEntry c, Instant now) {
        String reason = optionalLongText("reason", c.reason());
        requireLive(c.entryId());
        return new EntryRetracted(c.journalId(), c.entryId(), reason, now, now);
    }

    long liveEntriesOf(Step step) {
        return byId.values().stream()
                .filter(entry -> !entry.retracted()
                        && entry.kind().step().filter(step::equals).isPresent())
                .count();
    }

    void logged(EntryLogged event) {
        byId.put(event.entryId(), new Entry(event.kind(), false, false));
    }

    void retracted(UUID entryId) {
        byId.computeIfPresent(entryId, (id, entry) -> new Entry(entry.kind(), true, entry.resolved()));
    }

    void dateResolved(UUID dateId) {
        byId.computeIfPresent(dateId, (id, entry) -> new Entry(entry.kind(), entry.retracted(), true));
    }
}
