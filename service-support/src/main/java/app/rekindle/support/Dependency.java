package app.rekindle.support;

/** Something a service cannot start without, and a cheap way to ask whether it answers. */
interface Dependency {

    /** E.g. "PostgreSQL at localhost:5432/rekindle": no credentials, no query parameters. */
    String describe();

    /** Null when it answered; otherwise why not, in a few words (an exception's class and message). */
    String problem();
}
