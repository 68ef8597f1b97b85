package app.rekindle.faults;

/** What one attempt to send a command came to, as the client saw it, and when (System.nanoTime()). */
record Outcome(Kind kind, int status, long at) {

    enum Kind {
        /** 2xx: the command is recorded, with the version and entry id the answer gives. */
        ACCEPTED,
        /** 4xx: refused; nothing may be recorded (none are expected from this load). */
        REJECTED,
        /** 5xx: failed; nothing may be recorded. Sent again with the same Idempotency-Key. */
        SERVER_ERROR,
        /** Nobody listening: the process is down. Nothing was recorded. */
        REFUSED,
        /** Sent, but the answer never came (killed mid-request, timeout): recorded or not; sent again. */
        NO_ANSWER
    }
}
