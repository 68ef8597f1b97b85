package app.rekindle.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rekindle.events.PublishedEvent;
import app.rekindle.events.Step;
import app.rekindle.query.QueryServiceTest;
import app.rekindle.query.TestJournal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A poll applied in one transaction: the same checks as one by one, all or nothing, the fault isolated. */
class BatchProjectionTest extends QueryServiceTest {

    @Autowired
    Projector projector;

    @Autowired
    ProjectionPipeline pipeline;

    @Autowired
    JdbcClient jdbc;

    @Test
    void duplicates_within_a_batch_are_ignored_and_entries_amended_in_it_read_what_it_logged() {
        TestJournal journal = new TestJournal("batch-" + UUID.randomUUID());
        PublishedEvent opened = journal.publish(journal.opened());
        PublishedEvent started = journal.publish(journal.started(Step.REFLECT_ON_THE_PAST));
        var reflection = journal.reflection("We drifted");
        PublishedEvent logged = journal.publish(reflection);
        PublishedEvent amended =
                journal.publish(journal.amended(reflection.entryId(), Map.of("lesson", "Listen"), "clearer"));
        PublishedEvent checkIn = journal.publish(journal.checkIn("fine"));

        Projector.Result result =
                projector.applyAllUncounted(direct(opened, started, logged, logged, amended, opened, checkIn, checkIn));

        assertThat(result.outcomes())
                .containsExactly(
                        Projector.Outcome.APPLIED,
                        Projector.Outcome.APPLIED,
                        Projector.Outcome.APPLIED,
                        Projector.Outcome.DUPLICATE,
                        Projector.Outcome.APPLIED,
                        Projector.Outcome.DUPLICATE,
                        Projector.Outcome.APPLIED,
                        Projector.Outcome.DUPLICATE);
        assertThat(jdbc.sql("select version, entry_count from journal_view where journal_id = :id")
                        .param("id", journal.id)
                        .query()
                        .singleRow())
                .isEqualTo(Map.of("version", 4L, "entry_count", 2));
        assertThat(jdbc.sql("select revision from timeline_entry where entry_id = :id")
                        .param("id", reflection.entryId())
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from journal_event where journal_id = :id")
                        .param("id", journal.id)
                        .query(Long.class)
                        .single())
                .isEqualTo(5);
        assertThat(jdbc.sql("select entry_count from step_progress where journal_id = :id and step = :step")
                        .param("id", journal.id)
                        .param("step", Step.REFLECT_ON_THE_PAST.slug())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void a_batch_that_fails_midway_leaves_nothing_and_applied_again_duplicates_nothing() {
        TestJournal journal = new TestJournal("batch-" + UUID.randomUUID());
        TestJournal other = new TestJournal("batch-" + UUID.randomUUID());
        List<Incoming> batch = direct(
                journal.publish(journal.opened()),
                other.publish(other.opened()),
                journal.publish(journal.checkIn("one")),
                // An amendment of an entry the journal never logged: the timeline cannot apply it.
                journal.publish(journal.amended(UUID.randomUUID(), Map.of("note", "x"), "typo")),
                journal.publish(journal.checkIn("two")),
                other.publish(other.checkIn("elsewhere")));

        assertThatThrownBy(() -> projector.applyAllUncounted(batch)).isInstanceOf(IllegalStateException.class);
        assertThat(rows(journal.id)).isZero();
        assertThat(rows(other.id)).isZero();

        pipeline.process(batch); // one by one: the fault parked, the rest applied or waiting behind it
        pipeline.process(batch); // redelivered after a crash before the offsets were committed

        assertThat(jdbc.sql("select count(*) from timeline_entry where journal_id = :id")
                        .param("id", journal.id)
                        .query(Long.class)
                        .single())
                .isOne();
        assertThat(jdbc.sql("select count(*) from timeline_entry where journal_id = :id")
                        .param("id", other.id)
                        .query(Long.class)
                        .single())
                .isOne();
        assertThat(jdbc.sql("select sequence, status from dead_letter where journal_id = :id order by sequence")
                        .param("id", journal.id)
                        .query()
                        .listOfRows())
                .containsExactly(
                        Map.of("sequence", 2L, "status", "PARKED"), Map.of("sequence", 3L, "status", "WAITING_BEHIND"));
        assertThat(jdbc.sql("select last_sequence from journal_position where journal_id = :id")
                        .param("id", other.id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private long rows(UUID journalId) {
        return jdbc.sql("select count(*) from journal_event where journal_id = :id")
                        .param("id", journalId)
                        .query(Long.class)
                        .single()
                + jdbc.sql("select count(*) from journal_position where journal_id = :id and last_sequence >= 0")
                        .param("id", journalId)
                        .query(Long.class)
                        .single();
    }

    private static List<Incoming> direct(PublishedEvent... events) {
        return java.util.Arrays.stream(events).map(Incoming::direct).toList();
    }
}
