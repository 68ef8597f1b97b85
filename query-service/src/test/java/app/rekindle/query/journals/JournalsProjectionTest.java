package app.rekindle.query.journals;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.events.Step;
import app.rekindle.query.QueryServiceTest;
import app.rekindle.query.TestJournal;
import app.rekindle.query.projection.Projector;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class JournalsProjectionTest extends QueryServiceTest {

    @Autowired
    Projector projector;

    @Autowired
    JournalsQuery journals;

    @Test
    void my_journals_show_status_activity_and_progress() {
        String me = "owner-" + UUID.randomUUID();
        TestJournal journal = new TestJournal(me);
        TestJournal other = new TestJournal("someone-else-" + UUID.randomUUID());
        projector.apply(other.publish(other.opened()));
        projector.apply(journal.publish(journal.opened()));
        projector.apply(journal.publish(journal.started(Step.REFLECT_ON_THE_PAST)));
        var reflection = journal.reflection("We drifted");
        projector.apply(journal.publish(reflection));
        projector.apply(journal.publish(journal.completed(Step.REFLECT_ON_THE_PAST, "Understood")));
        projector.apply(journal.publish(journal.started(Step.COMMUNICATE_OPENLY)));
        projector.apply(journal.publish(journal.conversation("Holidays")));
        projector.apply(journal.publish(journal.checkIn("ok")));
        projector.apply(journal.publish(journal.retracted(reflection.entryId(), "private")));

        List<JournalSummary> mine = journals.ownedBy(me);

        assertThat(mine).hasSize(1);
        JournalSummary summary = mine.getFirst();
        assertThat(summary.journalId()).isEqualTo(journal.id);
        assertThat(summary.status()).isEqualTo("OPEN");
        assertThat(summary.closure()).isNull();
        assertThat(summary.version()).isEqualTo(journal.version());
        assertThat(summary.entryCount()).isEqualTo(2);
        assertThat(summary.progress().stepsCompleted()).isEqualTo(1);
        assertThat(summary.progress().inProgress()).containsExactly("communicate-openly");
        assertThat(summary.stale()).isFalse();
    }

    @Test
    void closing_a_journal_records_the_outcome() {
        TestJournal journal = new TestJournal("owner-" + UUID.randomUUID());
        projector.apply(journal.publish(journal.opened()));
        var closed = journal.closed();
        projector.apply(journal.publish(closed));

        JournalSummary summary = journals.one(journal.owner, journal.id).orElseThrow();

        assertThat(summary.status()).isEqualTo("CLOSED");
        assertThat(summary.closure())
                .isEqualTo(new JournalSummary.Closure("RECONCILED", "Together again", closed.occurredAt()));
        assertThat(summary.version()).isEqualTo(1);
        assertThat(journals.one("someone-else", journal.id)).isEmpty();
    }
}
