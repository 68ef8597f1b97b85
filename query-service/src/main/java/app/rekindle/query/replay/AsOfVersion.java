package app.rekindle.query.replay;

import app.rekindle.query.history.EventLog;
import app.rekindle.query.web.InvalidParameter;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Which version of a journal an "as of" read shows: the last event recorded at or before the instant (one
 * indexed lookup in the event log), never past the version the read's snapshot holds. The views then answer
 * from the rows valid at that version.
 */
@Component
public class AsOfVersion {

    private final EventLog log;

    AsOfVersion(EventLog log) {
        this.log = log;
    }

    public long at(UUID journalId, Instant asOf, long currentVersion) {
        long sequence = log.sequenceAt(journalId, asOf)
                .orElseThrow(() ->
                        new InvalidParameter("asOf", "after-opening", "must not be before the journal was opened"));
        return Math.min(sequence, currentVersion);
    }
}
