package app.rekindle.query.deadletter;

import app.rekindle.query.projection.AcceptedGap;
import app.rekindle.query.projection.JournalStanding;
import java.time.Instant;
import java.util.UUID;

/**
 * An accepted gap as operators see it, with where the journal stands after what waited behind it was applied.
 *
 * @param lastSequence the journal's last applied sequence now
 * @param waiting      its events still waiting (e.g. beyond another missing one)
 * @param stale        whether its views are marked stale: always true once a gap was accepted
 */
record AcceptedGapView(
        UUID journalId,
        long from,
        long to,
        String reason,
        String acceptedBy,
        Instant acceptedAt,
        long lastSequence,
        int waiting,
        boolean stale) {

    static AcceptedGapView of(AcceptedGap gap, JournalStanding now) {
        return new AcceptedGapView(
                gap.journalId(),
                gap.from(),
                gap.to(),
                gap.reason(),
                gap.acceptedBy(),
                gap.acceptedAt(),
                now.lastSequence(),
                now.held(),
                now.stale());
    }
}
