package app.rekindle.query.projection;

/**
 * Marks an exception that says nothing about the event at hand, only that something it needs is away for now
 * (e.g. the key service): the event is retried, never parked.
 */
public interface TemporaryFailure {}
