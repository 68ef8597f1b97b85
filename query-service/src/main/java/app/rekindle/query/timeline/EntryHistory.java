package app.rekindle.query.timeline;

import java.util.List;
import java.util.UUID;

record EntryHistory(UUID journalId, long version, boolean stale, TimelineEntry entry, List<EntryRevision> revisions) {}
