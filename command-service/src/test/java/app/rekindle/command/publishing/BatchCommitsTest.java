package app.rekindle.command.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.embedded.SharedTestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** On the shared PostgreSQL, which commits durably ({@code synchronous_commit=on}) as in production. */
class BatchCommitsTest {

    private final SharedTestInfrastructure infra = SharedTestInfrastructure.get();
    /** One connection for every transaction, as a pool may hand a batch's connection to a command next. */
    private final SingleConnectionDataSource connection = new SingleConnectionDataSource(
            infra.jdbcUrl("public"),
            infra.postgres().username(),
            infra.postgres().password(),
            true);

    private final JdbcClient jdbc = JdbcClient.create(connection);
    private final TransactionTemplate transactions =
            new TransactionTemplate(new DataSourceTransactionManager(connection));

    @AfterEach
    void close() {
        connection.destroy();
    }

    @Test
    void a_batch_commits_without_waiting_for_the_flush_and_the_next_transaction_on_its_connection_waits_again() {
        String inTheBatch = transactions.execute(status -> {
            new BatchCommits(jdbc).withoutWaitingForTheFlush();
            return synchronousCommit();
        });
        String inACommandAfterIt = transactions.execute(status -> synchronousCommit());

        assertThat(inTheBatch).isEqualTo("off");
        assertThat(inACommandAfterIt).isEqualTo("on");
    }

    private String synchronousCommit() {
        return jdbc.sql("select current_setting('synchronous_commit')")
                .query(String.class)
                .single();
    }
}
