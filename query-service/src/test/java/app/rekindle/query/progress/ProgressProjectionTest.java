package app.rekindle.query.progress;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.events.Step;
import app.rekindle.query.QueryServiceTest;
import app.rekindle.query.TestJournal;
import app.rekindle.query.projection.Projector;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ProgressProjectionTest extends QueryServiceTest {

    @Autowired
    Projector projector;

    @Autowired
    ProgressQuery progress;

    @Test
    void opening_a_journal_lists_six_steps_not_started_in_order() {
        TestJournal journal = new TestJournal("alice");
        projector.apply(journal.publish(journal.opened()));

        List<StepProgress> steps = progress.steps(journal.id);

        assertThat(steps)
                .extracting(StepProgress::step)
                .containsExactly(
                        "reflect-on-the-past",
                        "communicate-openly",
                        "show-genuine-interest",
                        "rekindle-romance",
                        "reignite-friendship",
                        "give-each-other-space");
        assertThat(steps).extracting(StepProgress::number).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(steps).allMatch(step -> step.status().equals("NOT_STARTED") && step.entryCount() == 0);
    }

    @Test
    void a_step_goes_through_start_completion_and_reopening() {
        TestJournal journal = new TestJournal("alice");
        projector.apply(journal.publish(journal.opened()));
        var started = journal.started(Step.COMMUNICATE_OPENLY);
        projector.apply(journal.publish(started));
        projector.apply(journal.publish(journal.conversation("Holidays")));
        var completed = journal.completed(Step.COMMUNICATE_OPENLY, "We talk weekly now");
        projector.apply(journal.publish(completed));

        StepProgress done = step(journal, Step.COMMUNICATE_OPENLY);
        assertThat(done.status()).isEqualTo("COMPLETED");
        assertThat(done.startedAt()).isEqualTo(started.occurredAt());
        assertThat(done.completedAt()).isEqualTo(completed.occurredAt());
        assertThat(done.summary()).isEqualTo("We talk weekly now");

        projector.apply(journal.publish(journal.reopened(Step.COMMUNICATE_OPENLY, "Old habits")));

        StepProgress reopened = step(journal, Step.COMMUNICATE_OPENLY);
        assertThat(reopened.status()).isEqualTo("IN_PROGRESS");
        assertThat(reopened.reopenedCount()).isEqualTo(1);
        assertThat(reopened.lastReopenReason()).isEqualTo("Old habits");
        assertThat(reopened.completedAt()).isNull();
    }

    @Test
    void entry_counts_follow_logging_retraction_and_moved_entries() {
        TestJournal journal = new TestJournal("alice");
        projector.apply(journal.publish(journal.opened()));
        projector.apply(journal.publish(journal.started(Step.REKINDLE_ROMANCE)));
        var picnic = journal.date("Picnic", Instant.parse("2026-04-01T18:00:00Z"));
        var cinema = journal.date("Cinema", Instant.parse("2026-04-08T18:00:00Z"));
        projector.apply(journal.publish(picnic));
        projector.apply(journal.publish(cinema));
        projector.apply(journal.publish(journal.checkIn("counts for no step")));

        assertThat(step(journal, Step.REKINDLE_ROMANCE).entryCount()).isEqualTo(2);
        assertThat(step(journal, Step.REKINDLE_ROMANCE).lastEntryAt()).isEqualTo(cinema.plannedFor());

        projector.apply(journal.publish(journal.retracted(cinema.entryId(), "never planned")));
        assertThat(step(journal, Step.REKINDLE_ROMANCE).entryCount()).isEqualTo(1);
        assertThat(step(journal, Step.REKINDLE_ROMANCE).lastEntryAt()).isEqualTo(picnic.plannedFor());

        Instant later = Instant.parse("2026-05-01T18:00:00Z");
        projector.apply(
                journal.publish(journal.amended(picnic.entryId(), Map.of("plannedFor", later.toString()), "moved")));
        assertThat(step(journal, Step.REKINDLE_ROMANCE).lastEntryAt()).isEqualTo(later);
        assertThat(progress.steps(journal.id))
                .filteredOn(step -> !step.step().equals("rekindle-romance"))
                .allMatch(step -> step.entryCount() == 0);
    }

    private StepProgress step(TestJournal journal, Step step) {
        return progress.steps(journal.id).stream()
                .filter(s -> s.step().equals(step.slug()))
                .findFirst()
                .orElseThrow();
    }
}
