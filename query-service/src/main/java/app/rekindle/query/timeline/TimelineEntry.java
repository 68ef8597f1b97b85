package app.rekindle.query.timeline;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One entry on a journal's timeline with its current values. {@code step} is the step's slug, null for
 * check-ins; {@code occurredAt} is when it happened (for a date: when it is planned for).
 */
public record TimelineEntry(
        UUID entryId,
        String kind,
        String step,
        Instant occurredAt,
        Instant recordedAt,
        Map<String, Object> fields,
        int revision,
        boolean retracted,
        Instant retractedAt,
        String retractionReason) {}
