package app.rekindle.command.eventstore;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work that must see a command's events committed. Axon's unit of work runs its after-commit work when it commits
 * itself, which inside a request's Spring transaction is before that transaction does; this waits for the Spring
 * commit, drops the work if the transaction rolls back, and runs it at once outside a Spring transaction.
 */
final class AfterCommit {

    private AfterCommit() {}

    static void run(Runnable work) {
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
}
