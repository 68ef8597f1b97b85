package app.rekindle.command.eventstore;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How many commits of this service have appended events, for readers waiting for the next one. Commits arrive on
 * every request thread at once, so each is counted under a lock (a {@code Phaser} of one party refuses a second
 * arrival racing the first).
 */
final class Commits {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition counted = lock.newCondition();
    private volatile long count;

    void committed() {
        lock.lock();
        try {
            count++;
            counted.signalAll();
        } finally {
            lock.unlock();
        }
    }

    long count() {
        return count;
    }

    /** Returns once the count has moved past {@code seen}, or when the wait is up. */
    void awaitPast(long seen, long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lock();
        try {
            while (count == seen && nanos > 0) {
                nanos = counted.awaitNanos(nanos);
            }
        } finally {
            lock.unlock();
        }
    }
}
