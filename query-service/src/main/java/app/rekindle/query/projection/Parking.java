package app.rekindle.query.projection;

import app.rekindle.query.projection.JournalPositions.Block;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Parking an event at fault, and an operator's skipping of it; each in a transaction (or the caller's). */
@Component
public class Parking {

    private final JournalPositions positions;
    private final HeldEvents held;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Parking(JournalPositions positions, HeldEvents held, TransactionTemplate transaction, Clock clock) {
        this.positions = positions;
        this.held = held;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Parks an event that could not be applied, with a short reason (an exception class, never message text):
     * the journal is marked stale and its later events wait behind it until an operator retries or skips it.
     */
    public void park(Incoming incoming, String reason) {
        transaction.executeWithoutResult(status -> {
            Instant now = clock.instant();
            UUID journalId = incoming.published().journalId();
            long sequence = incoming.published().sequence();
            JournalPositions.Position position =
                    positions.lock(List.of(journalId), now).get(journalId);
            if (incoming.held()) {
                held.park(incoming.heldId(), journalId, sequence, reason);
            } else {
                if (held.insert(incoming.copy(), journalId, sequence, HeldEvents.Status.PARKED, reason, now)) {
                    position.held++;
                    held.behind(journalId, sequence);
                } else {
                    held.parkWaiting(journalId, sequence, reason); // a copy of it already waited for its turn
                }
            }
            position.blockedBy = Block.POISON;
            position.stale = true;
            position.changed = true;
            positions.save(Map.of(journalId, position), now);
        });
    }

    /**
     * Parks a waiting event that can no longer be read (e.g. its key is gone): it is at fault from now on, the
     * journal is marked stale and its later events wait behind it.
     */
    void parkWaiting(UUID journalId, long sequence, String reason) {
        transaction.executeWithoutResult(status -> {
            Instant now = clock.instant();
            JournalPositions.Position position =
                    positions.lock(List.of(journalId), now).get(journalId);
            held.parkWaiting(journalId, sequence, reason);
            position.blockedBy = Block.POISON;
            position.stale = true;
            position.changed = true;
            positions.save(Map.of(journalId, position), now);
        });
    }

    /** Journals whose events wait for a missing one, the longest-waiting first, unchanged since {@code before}. */
    public List<UUID> waitingForGap(Instant before, int limit) {
        return positions.waitingForGap(before, limit);
    }

    /** Where the journal stands now, its waiting events counted from the dead-letter store. */
    public JournalStanding standing(UUID journalId) {
        return positions.standing(journalId);
    }

    /**
     * Skips a parked event for good: the journal's position moves past it, the skip is recorded with the
     * operator's reason and the journal stays stale (its views lack the event); what waited behind it may follow.
     */
    public void skip(HeldEvents.Row row, String reason, String operator) {
        transaction.executeWithoutResult(status -> {
            Instant now = clock.instant();
            JournalPositions.Position position =
                    positions.lock(List.of(row.journalId()), now).get(row.journalId());
            held.skip(row.id(), reason, operator, now);
            if (row.sequence() == position.expected()) {
                position.lastSequence = row.sequence();
            }
            if (row.copy().value() != null) { // rows from before records were kept were never counted as held
                position.held = Math.max(0, position.held - 1);
            }
            position.skipped++;
            position.stale = true;
            position.blockedBy = position.held > 0 ? Block.GAP : null;
            position.changed = true;
            held.unblock(row.journalId());
            positions.save(Map.of(row.journalId(), position), now);
        });
    }

    /**
     * Accepts that a journal's missing events {@code from..to} will never come (e.g. the command side skipped
     * one it could never publish): recorded with the operator and reason, the position moved past them, the
     * journal stale for good (its views lack them), all in one transaction. The sequences must be exactly what
     * the journal's first waiting event waits for, so an acceptance never covers more than the operator named.
     * What waited behind them is released by the caller afterwards; should that not happen (a crash), the
     * journal stays blocked by a gap, and the gap watch, finding nothing missing any more, releases them.
     */
    public GapAcceptance acceptGap(UUID journalId, long from, long to, String reason, String operator) {
        return transaction.execute(status -> {
            // Under the position's lock, so a concurrent identical acceptance finds this one's record.
            JournalPositions.Position position = positions.lockKnown(journalId).orElse(null);
            var before = positions.acceptedGap(journalId, from);
            if (before.isPresent() && before.get().to() == to) {
                return new GapAcceptance.AcceptedBefore(before.get());
            }
            List<HeldEvents.Row> waiting = held.waiting(journalId);
            if (position == null
                    || waiting.isEmpty()
                    || waiting.getFirst().status() != HeldEvents.Status.WAITING_FOR_GAP
                    || waiting.getFirst().sequence() <= position.expected()) {
                return new GapAcceptance.NoGap();
            }
            long missingTo = waiting.getFirst().sequence() - 1;
            if (from != position.expected() || to != missingTo) {
                return new GapAcceptance.OtherGap(position.expected(), missingTo);
            }
            Instant now = clock.instant();
            AcceptedGap gap = new AcceptedGap(journalId, from, to, reason, operator, now);
            positions.recordAcceptedGap(gap);
            position.lastSequence = to;
            position.skipped += (int) (to - from + 1);
            position.stale = true;
            position.changed = true; // blocked_by stays GAP until what waited is applied (JournalBatch.finish)
            positions.save(Map.of(journalId, position), now);
            return new GapAcceptance.Accepted(gap);
        });
    }
}
