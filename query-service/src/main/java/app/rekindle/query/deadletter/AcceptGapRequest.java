package app.rekindle.query.deadletter;

/**
 * @param from   the first missing sequence: the one the journal's position expects next
 * @param to     the last missing sequence: the one before the journal's first waiting event
 * @param reason why those events may be missing for good; recorded with the acceptance
 */
record AcceptGapRequest(Long from, Long to, String reason) {}
