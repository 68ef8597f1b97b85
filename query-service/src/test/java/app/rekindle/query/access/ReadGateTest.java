package app.rekindle.query.access;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.query.QueryServiceTest;
import app.rekindle.query.TestJournal;
import app.rekindle.query.projection.Projector;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A read sees one snapshot of the views: the version in the answer and the rows in it are from the same commit. */
class ReadGateTest extends QueryServiceTest {

    @Autowired
    ReadGate gate;

    @Autowired
    Projector projector;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_read_runs_read_only_in_one_snapshot_and_does_not_see_a_commit_made_during_it() {
        TestJournal journal = new TestJournal("alice-" + UUID.randomUUID());
        projector.apply(journal.publish(journal.opened()));
        projector.apply(journal.publish(journal.checkIn("First")));

        long[] seen = gate.read(journal.id, journal.owner, null, access -> {
                    assertThat(jdbc.sql("select current_setting('transaction_isolation')")
                                    .query(String.class)
                                    .single())
                            .isEqualTo("repeatable read");
                    assertThat(jdbc.sql("select current_setting('transaction_read_only')")
                                    .query(String.class)
                                    .single())
                            .isEqualTo("on");
                    // The projection commits another entry on its own thread and connection, mid-read.
                    CompletableFuture.runAsync(() -> projector.apply(journal.publish(journal.checkIn("Second"))))
                            .join();
                    return new long[] {access.version(), entries(journal.id)};
                })
                .getBody();

        assertThat(seen).containsExactly(1, 1);
        assertThat(entries(journal.id)).isEqualTo(2);
    }

    private long entries(UUID journalId) {
        return jdbc.sql("select count(*) from timeline_entry where journal_id = ?")
                .param(journalId)
                .query(Long.class)
                .single();
    }
}
