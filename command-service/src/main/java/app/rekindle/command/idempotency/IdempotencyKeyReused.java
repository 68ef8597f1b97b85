package app.rekindle.command.idempotency;

import app.rekindle.command.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** 422: the same Idempotency-Key came back with a different request, almost certainly a client bug. */
final class IdempotencyKeyReused extends ErrorResponseException {

    IdempotencyKeyReused() {
        super(HttpStatus.UNPROCESSABLE_CONTENT, Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                "Idempotency-Key reused", "This Idempotency-Key was already used for a different request."), null);
    }
}
