package app.rekindle.query.timeline;

import java.util.UUID;

/**
 * Told of each new state of a timeline entry, inside the projector's transaction, by the projection that
 * computed it: views derived from entries (analytics' day totals) follow the timeline's own rules this way
 * instead of restating them.
 */
public interface EntryChanges {

    /** @param before the entry's state until now, null when it was just logged */
    void changed(UUID journalId, TimelineEntry before, TimelineEntry after);
}
