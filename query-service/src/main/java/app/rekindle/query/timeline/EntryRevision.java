package app.rekindle.query.timeline;

import java.time.Instant;
import java.util.Map;

/** One step in an entry's history: the values after it, what changed and why (revision 1 = as logged). */
record EntryRevision(
        int revision,
        long sequence,
        Instant recordedAt,
        Map<String, Object> fields,
        Map<String, Object> changes,
        String reason) {}
