package app.rekindle.command.access;

import app.rekindle.command.eventstore.StoredEvents;
import app.rekindle.events.JournalEvent;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may still address a journal, read from the event store without loading the journal: its opening event
 * names the owner (never sealed), and an erased journal's last event is {@code JournalErased} (it takes nothing
 * after). Each answer is one indexed read of one row, except an owner's about a journal this instance has
 * already read: an opening event never changes, so its owner is remembered, and the owner's next command
 * skips the read (one of a check-in's three round trips). Everyone else's answer still takes that one read,
 * found or not, so a stranger cannot tell by timing a journal this instance knows from a missing one.
 */
public final class JournalOwners {

    /** What the opening event says about a caller: mine, someone else's, or no opening event (missing). */
    enum Opened {
        MINE,
        NOT_MINE,
        MISSING,
        UNREADABLE
    }

    private static final String ERASED = JournalEvent.JournalErased.class.getName();
    /** Journals whose owner is remembered: ~200 bytes each, so about 2 MB at most. */
    static final int REMEMBERED_OWNERS = 10_000;

    private final StoredEvents store;
    private final JsonMapper json;
    private final Cache<UUID, String> owners =
            Caffeine.newBuilder().maximumSize(REMEMBERED_OWNERS).build();

    JournalOwners(StoredEvents store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    Opened openedBy(UUID journalId, String person) {
        if (person.equals(owners.getIfPresent(journalId))) {
            return Opened.MINE;
        }
        Optional<byte[]> opened = store.openingPayload(journalId);
        if (opened.isEmpty()) {
            return Opened.MISSING;
        }
        String owner = ownerOf(opened.get());
        if (owner == null) {
            return Opened.UNREADABLE;
        }
        owners.put(journalId, owner);
        return owner.equals(person) ? Opened.MINE : Opened.NOT_MINE;
    }

    /**
     * The person's journal, not erased: what an earlier answer about it may still be given for. An opening
     * event whose owner cannot be read does not refuse on its own, as in {@link JournalOwnerCheck}.
     */
    public boolean stillTheirs(UUID journalId, String person) {
        Opened opened = openedBy(journalId, person);
        if (opened == Opened.MISSING || opened == Opened.NOT_MINE) {
            return false;
        }
        return !store.lastPayloadType(journalId).map(ERASED::equals).orElse(true);
    }

    private String ownerOf(byte[] payload) {
        try {
            var ownerId = json.readTree(payload).path("ownerId");
            return ownerId.isString() ? ownerId.asString() : null;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
