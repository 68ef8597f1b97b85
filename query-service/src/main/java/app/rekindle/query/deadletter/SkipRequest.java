package app.rekindle.query.deadletter;

/** @param reason why the event may be left out of the views for good; recorded with the skip */
record SkipRequest(String reason) {}
