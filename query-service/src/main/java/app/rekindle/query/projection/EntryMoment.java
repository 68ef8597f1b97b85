package app.rekindle.query.projection;

import app.rekindle.events.EntryKind;
import app.rekindle.events.JournalEvent.DatePlanned;
import app.rekindle.events.JournalEvent.EntryLogged;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Where an entry sits on the timeline: when it happened, except for a date, which sits at the moment it
 * is planned for. Every view that orders or dates entries uses this one rule.
 */
public final class EntryMoment {

    private EntryMoment() {}

    public static Instant of(EntryLogged logged) {
        return logged instanceof DatePlanned date ? date.plannedFor() : logged.occurredAt();
    }

    /** The field whose amendment moves the entry on the timeline. */
    public static String fieldFor(EntryKind kind) {
        return kind == EntryKind.DATE ? "plannedFor" : "occurredAt";
    }

    /** The entry's new moment if an amendment changes it. */
    public static Optional<Instant> amendedIn(EntryKind kind, Map<String, Object> changes) {
        Object value = changes.get(fieldFor(kind));
        return value == null ? Optional.empty() : Optional.of(Instant.parse(value.toString()));
    }
}
