package app.rekindle.query.projection;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
            JournalPositions.Position position = positions.lock(List.of(journalId), now).get(journalId);
            if (incoming.held()) {
                held.park(incoming.heldId(), journalId, sequence, reason);
            } else {
                byte[] type = incoming.copy().headers().get("ce_type");
                if (held.insert(incoming.copy(), journalId, sequence, type == null ? null
                        : new String(type, StandardCharsets.UTF_8), HeldEvents.Status.PARKED,
                        reason, now)) {
                    position.held++;
                    held.behind(journalId, sequence);
                } else {
                    held.parkWaiting(journalId, sequence, reason); // a copy of it already waited for its turn
                }
            }
            position.blockedBy = "POISON";
            position.stale = true;
            position.changed = true;
            positions.save(Map.of(journalId, position), now);
        });
    }

    /**
     * Skips a parked event for good: the journal's position moves past it, the skip is recorded with the
     * operator's reason and the journal stays stale (its views lack the event); what waited behind it may follow.
     */
    public void skip(HeldEvents.Row row, String reason, String operator) {
        transaction.executeWithoutResult(status -> {
            Instant now = clock.instant();
            JournalPositions.Position position = positions.lock(List.of(row.journalId()), now).get(row.journalId());
            held.skip(row.id(), reason, operator, now);
            if (row.sequence() == position.expected()) {
                position.lastSequence = row.sequence();
            }
            if (row.copy().value() != null) { // rows from before records were kept were never counted as held
                position.held = Math.max(0, position.held - 1);
            }
            position.skipped++;
            position.stale = true;
            position.blockedBy = position.held > 0 ? "GAP" : null;
            position.changed = true;
            held.unblock(row.journalId());
            positions.save(Map.of(row.journalId(), position), now);
        });
    }
}
