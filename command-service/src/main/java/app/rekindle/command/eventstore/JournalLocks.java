package app.rekindle.command.eventstore;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A fixed set of locks that journals share by hash: bounded memory however many journals there are. Two
 * journals on one lock only wait for each other; each transaction takes one, so there is no lock order to
 * get wrong.
 */
final class JournalLocks {

    private static final int STRIPES = 256;

    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    JournalLocks() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    ReentrantLock of(String journalId) {
        return locks[Math.floorMod(journalId.hashCode(), STRIPES)];
    }
}
