package app.rekindle.command.transactions;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work that must see what a transaction wrote committed: the publisher's wake-up, snapshots, and cached journal keys.
 * Axon's unit of work runs its after-commit work when it commits itself, which inside a request's Spring transaction
 * is before that transaction does; this waits for the Spring transaction to end, and runs the work at once outside
 * one.
 */
public final class AfterCommit {

    private AfterCommit() {}

    /** After the commit; never if the transaction rolls back. */
    public static void run(Runnable work) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            work.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                work.run();
            }
        });
    }

    /** Once the transaction has ended, committed or rolled back; a failure of the work is logged by Spring. */
    public static void runEvenAfterRollback(Runnable work) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            work.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                work.run();
            }
        });
    }
}
