package app.rekindle.command.web;

/** The same Idempotency-Key came back with a different request: almost certainly a client bug. */
final class IdempotencyKeyReused extends RuntimeException {

    IdempotencyKeyReused() {
        super("This Idempotency-Key was already used for a different request.", null, false, false);
    }
}
