package app.rekindle.query.history;

import java.util.List;
import java.util.UUID;

/** @param nextCursor pass as {@code cursor} for the next (later) page; null on the last page */
record HistoryPage(UUID journalId, long version, boolean stale, List<LoggedEvent> events, String nextCursor) {}
