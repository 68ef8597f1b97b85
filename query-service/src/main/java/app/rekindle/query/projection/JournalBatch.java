package app.rekindle.query.projection;

import app.rekindle.events.JournalEvent.JournalErased;
import app.rekindle.events.PublishedEvent;
import app.rekindle.query.projection.HeldEvents.Status;
import app.rekindle.query.projection.JournalPositions.Block;
import app.rekindle.query.projection.Projector.Outcome;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules for one batch inside its transaction, event by event against each journal's locked position:
 * duplicates are ignored, the next event is applied, an event beyond a missing one waits for it, and while
 * a journal has events waiting (behind one at fault or for a missing one) its later events wait too, in order.
 */
final class JournalBatch {

    private static final Logger log = LoggerFactory.getLogger(JournalBatch.class);

    private final List<ViewProjection> projections;
    private final JournalPositions positions;
    private final HeldEvents held;
    private final ViewWrites writes;
    private final Map<UUID, JournalPositions.Position> locked;
    private final Instant now;
    /** Journals with events waiting that may now be applied, e.g. after the missing one arrived. */
    final Set<UUID> releasable = new HashSet<>();

    JournalBatch(
            List<ViewProjection> projections,
            JournalPositions positions,
            HeldEvents held,
            ViewWrites writes,
            Map<UUID, JournalPositions.Position> locked,
            Instant now) {
        this.projections = projections;
        this.positions = positions;
        this.held = held;
        this.writes = writes;
        this.locked = locked;
        this.now = now;
    }

    Outcome apply(Incoming incoming) {
        PublishedEvent published = incoming.published();
        UUID journalId = published.journalId();
        JournalPositions.Position position = locked.get(journalId);
        if (position.erased) {
            return Outcome.ERASED_IGNORED;
        }
        if (published.sequence() < position.expected()) {
            if (incoming.held() && held.resolve(incoming.heldId(), Status.DUPLICATE, now)) {
                position.held--;
                position.changed = true;
            }
            return Outcome.DUPLICATE;
        }
        if (published.event() instanceof JournalErased) {
            // Erasure does not queue behind anything: the person asked for the journal to be gone.
            writes.flush();
            projections.forEach(projection -> projection.purge(journalId));
            held.purge(journalId);
            position.held = 0;
            position.blockedBy = null;
            position.erased = true;
            return advance(position, published);
        }
        boolean next = published.sequence() == position.expected();
        if (incoming.held()) {
            if (!next || !held.resolve(incoming.heldId(), Status.APPLIED, now)) {
                return Outcome.HELD;
            }
            position.held--;
            if (position.blockedBy(Block.POISON)) {
                // The event at fault was retried: what waited behind it now waits only for its turn.
                position.blockedBy = Block.GAP;
                held.unblock(journalId);
            }
            project(published);
            return advance(position, published);
        }
        if (position.held > 0 && !(next && position.blockedBy(Block.GAP))) {
            return hold(
                    incoming,
                    position,
                    position.blockedBy(Block.POISON) ? Status.WAITING_BEHIND : Status.WAITING_FOR_GAP,
                    "waiting");
        }
        if (!next) {
            positions.recordGap(journalId, position.expected(), published.sequence(), now);
            log.warn(
                    "Gap in journal {}: expected sequence {}, received {} ({}); view marked stale, later events wait",
                    journalId,
                    position.expected(),
                    published.sequence(),
                    published.type().name());
            position.blockedBy = Block.GAP;
            position.stale = true;
            hold(incoming, position, Status.WAITING_FOR_GAP, "gap");
            return Outcome.GAP;
        }
        if (position.held > 0) {
            releasable.add(journalId); // the missing event arrived: what waited for it may follow
        }
        project(published);
        return advance(position, published);
    }

    /** Clears a journal's block once nothing of it waits any more. */
    void finish() {
        locked.forEach((journalId, position) -> {
            if (position.held <= 0 && position.blockedBy != null) {
                position.held = 0;
                position.blockedBy = null;
                position.stale = position.skipped > 0;
                position.changed = true;
                positions.gapsFilled(journalId, position.lastSequence, now);
                log.info(
                        "Journal {} caught up with every event that waited (sequence {})",
                        journalId,
                        position.lastSequence);
            }
        });
    }

    private Outcome hold(Incoming incoming, JournalPositions.Position position, Status status, String reason) {
        PublishedEvent published = incoming.published();
        if (held.insert(incoming.copy(), published.journalId(), published.sequence(), status, reason, now)) {
            position.held++;
            position.changed = true;
            return Outcome.HELD;
        }
        return Outcome.DUPLICATE; // the same sequence number already waits
    }

    private void project(PublishedEvent published) {
        for (ViewProjection projection : projections) {
            projection.apply(published);
        }
    }

    private Outcome advance(JournalPositions.Position position, PublishedEvent published) {
        position.lastSequence = published.sequence();
        position.changed = true;
        return Outcome.APPLIED;
    }
}
