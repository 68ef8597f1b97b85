package app.rekindle.command.idempotency;

import app.rekindle.command.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 422: the same Idempotency-Key came back with a different request, almost certainly a client bug. */
final class IdempotencyKeyReused extends ErrorResponseException {

    IdempotencyKeyReused() {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                problem("This Idempotency-Key was already used for a different request."),
                null);
    }

    /** A batch's item: the problem names it by its index, as {@code item}. */
    IdempotencyKeyReused(int item) {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                problem("The idempotencyKey of items[" + item + "] was already used for a different request."),
                null);
        getBody().setProperty("item", item);
    }

    private static ProblemDetail problem(String detail) {
        return Problems.of(
                HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency-Key reused", detail);
    }
}
