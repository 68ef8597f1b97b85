package app.rekindle.query.replay;

import app.rekindle.query.history.EventLog;
import app.rekindle.query.web.InvalidParameter;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

/**
 * Replays a journal from the event log kept by the history slice. Chosen over versioned rows because one
 * fold serves every past instant with the projections' own rules, and 10,000 entries replay in well under
 * a second (see the README for measurements).
 */
@Component
public class JournalReplay {

    private final EventLog log;

    JournalReplay(EventLog log) {
        this.log = log;
    }

    /** The journal as it stood when the last event recorded at or before {@code asOf} had been applied. */
    public JournalFold asOf(UUID journalId, Instant asOf, long currentVersion) {
        long sequence = log.sequenceAt(journalId, asOf).orElseThrow(() ->
                new InvalidParameter("asOf", "after-opening", "must not be before the journal was opened"));
        return upTo(journalId, Math.min(sequence, currentVersion));
    }

    /** The journal after the event with this sequence. */
    public JournalFold upTo(UUID journalId, long sequence) {
        return JournalFold.of(log.between(journalId, -1, sequence));
    }
}
