package app.rekindle.command.transactions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

/** The publisher's wake-up, snapshots and cached keys wait for a command's commit through it. */
class AfterCommitTest {

    private final List<String> ran = new ArrayList<>();

    @AfterEach
    void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void outside_a_transaction_the_work_runs_at_once() {
        AfterCommit.run(() -> ran.add("work"));

        assertThat(ran).containsExactly("work");
    }

    @Test
    void inside_a_transaction_the_work_waits_for_its_commit() {
        TransactionSynchronizationManager.initSynchronization();

        AfterCommit.run(() -> ran.add("work"));
        assertThat(ran).isEmpty();

        TransactionSynchronizationUtils.triggerAfterCommit();
        assertThat(ran).containsExactly("work");
    }

    @Test
    void a_transaction_that_rolls_back_runs_none_of_it() {
        TransactionSynchronizationManager.initSynchronization();

        AfterCommit.run(() -> ran.add("work"));
        TransactionSynchronizationUtils.triggerAfterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK);

        assertThat(ran).isEmpty();
    }

    @Test
    void work_that_must_run_even_after_a_rollback_waits_for_the_end_of_the_transaction() {
        TransactionSynchronizationManager.initSynchronization();

        AfterCommit.runEvenAfterRollback(() -> ran.add("work"));
        assertThat(ran).isEmpty();

        TransactionSynchronizationUtils.triggerAfterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK);
        assertThat(ran).containsExactly("work");
    }
}
