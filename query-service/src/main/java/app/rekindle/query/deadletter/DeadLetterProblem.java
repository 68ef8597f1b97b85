package app.rekindle.query.deadletter;

import org.springframework.http.HttpStatus;

/** An operator's request on the dead-letter store that cannot be carried out, answered as problem+json. */
class DeadLetterProblem extends RuntimeException {

    final HttpStatus status;
    final String type;
    final String title;

    DeadLetterProblem(HttpStatus status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    static DeadLetterProblem notFound() {
        return new DeadLetterProblem(
                HttpStatus.NOT_FOUND,
                "dead-letter-not-found",
                "No such dead letter",
                "There is no dead letter with this id.");
    }

    static DeadLetterProblem conflict(String type, String title, String detail) {
        return new DeadLetterProblem(HttpStatus.CONFLICT, type, title, detail);
    }
}
