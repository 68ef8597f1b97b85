package app.rekindle.query.timeline;

import java.util.List;
import java.util.UUID;

/** @param nextCursor pass as {@code cursor} for the next (older) page; null on the last page */
public record TimelinePage(
        UUID journalId, long version, boolean stale, List<TimelineEntry> entries, String nextCursor) {}
