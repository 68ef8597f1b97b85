package app.rekindle.query.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rekindle.query.QueryServiceTest;
import app.rekindle.query.TestJournal;
import app.rekindle.query.config.RekindleReadProperties;
import app.rekindle.query.projection.Projector;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The minVersion wait, paced by Spring's RetryTemplate, against the real position table; with the defaults' shape
 * (the unseen-journal wait as long as the whole wait), which the shared test settings do not have.
 */
class ReadGateWaitTest extends QueryServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(1);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Clock clock;

    @Autowired
    Projector projector;

    ReadGate gate;
    TestJournal journal;

    @BeforeEach
    void a_gate_whose_unseen_wait_is_the_whole_wait() {
        gate = gate(WAIT);
        journal = new TestJournal("alice-" + UUID.randomUUID());
        projector.apply(journal.publish(journal.opened()));
    }

    private ReadGate gate(Duration wait) {
        return new ReadGate(
                jdbc,
                transactions,
                new RekindleReadProperties(wait, Duration.ofMillis(25), wait, 2, Duration.ofSeconds(2)),
                clock);
    }

    @Test
    void a_journal_unseen_for_the_whole_wait_is_not_found_only_once_the_wait_is_over() {
        long start = System.nanoTime();

        assertThatThrownBy(() -> gate.awaitVersion(UUID.randomUUID(), journal.owner, 0))
                .isInstanceOf(JournalNotFound.class);
        assertThatThrownBy(() -> gate.awaitVersion(journal.id, "mallory", 0)).isInstanceOf(JournalNotFound.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(WAIT.multipliedBy(2));
    }

    @Test
    void my_journal_behind_the_version_is_not_caught_up_after_the_whole_wait() {
        long start = System.nanoTime();

        assertThatThrownBy(() -> gate.awaitVersion(journal.id, journal.owner, 3))
                .isInstanceOfSatisfying(ViewNotCaughtUp.class, e -> {
                    assertThat(e.minVersion()).isEqualTo(3);
                    assertThat(e.currentVersion()).isZero();
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(WAIT);
    }

    @Test
    void the_wait_ends_when_the_version_lands_within_it() throws Exception {
        // A long wait, so a slow machine's projection still lands within it; the read must not last that long.
        Duration longWait = Duration.ofSeconds(10);
        ReadGate patient = gate(longWait);
        var checkIn = journal.publish(journal.checkIn("fine"));
        long start = System.nanoTime();
        // Threads of their own: the common pool may have a single worker, which the waiting read would hold.
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            CompletableFuture<Void> waited =
                    CompletableFuture.runAsync(() -> patient.awaitVersion(journal.id, journal.owner, 1), threads);
            CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS, threads)
                    .execute(() -> projector.apply(checkIn));

            waited.get(30, TimeUnit.SECONDS);
        }

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(longWait);
        assertThat(jdbc.sql("select last_sequence from journal_position where journal_id = ?")
                        .param(journal.id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void a_version_already_reached_does_not_wait() {
        long start = System.nanoTime();

        gate.awaitVersion(journal.id, journal.owner, 0);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(WAIT);
    }
}
