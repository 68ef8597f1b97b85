package app.rekindle.query.projection;

import java.util.UUID;

/**
 * Where a journal's views stand: the last sequence applied, how many of its events are parked or wait in the
 * dead-letter store, and whether the views are stale.
 */
public record JournalStanding(UUID journalId, long lastSequence, int held, boolean stale) {

    JournalStanding withHeld(int count) {
        return new JournalStanding(journalId, lastSequence, count, stale);
    }
}
