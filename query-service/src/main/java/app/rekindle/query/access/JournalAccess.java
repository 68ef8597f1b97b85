package app.rekindle.query.access;

import java.util.UUID;

/** A journal the caller may read, at the version its views have reached. */
public record JournalAccess(UUID journalId, long version, boolean stale) {}
