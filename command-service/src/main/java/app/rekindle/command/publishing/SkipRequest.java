package app.rekindle.command.publishing;

/** @param reason why the event may be left off Kafka for good (1–500 characters); recorded with the skip */
record SkipRequest(String reason) {
}
