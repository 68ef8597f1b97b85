package app.rekindle.command.parking;

/**
 * @param sequence the journal's first parked event, as listed ({@code firstSequence}): naming it makes a repeated
 *                 skip refuse (409) instead of dropping the next event too
 * @param reason   why the event may be left off Kafka for good (1–500 characters); recorded with the skip
 */
record SkipRequest(Long sequence, String reason) {}
