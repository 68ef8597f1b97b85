package app.rekindle.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The commit count the publisher's stream waits on, committed from every request thread at once. */
class CommitsTest {

    private final Commits commits = new Commits();

    @Test
    void commits_racing_each_other_are_each_counted() throws Exception {
        ExecutorService requests = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                done.add(requests.submit(() -> {
                    for (int commit = 0; commit < 5_000; commit++) {
                        commits.committed();
                    }
                }));
            }
            for (Future<?> each : done) {
                each.get(1, TimeUnit.MINUTES);
            }
        } finally {
            requests.shutdownNow();
        }

        assertThat(commits.count()).isEqualTo(40_000);
    }

    @Test
    void a_wait_past_a_count_already_passed_returns_at_once() throws InterruptedException {
        commits.committed();

        long before = System.nanoTime();
        commits.awaitPast(0, 5, TimeUnit.MINUTES);

        assertThat(System.nanoTime() - before).isLessThan(TimeUnit.MINUTES.toNanos(1));
    }

    @Test
    void a_waiting_reader_returns_when_another_thread_commits() throws Exception {
        CompletableFuture<Long> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                commits.awaitPast(0, 5, TimeUnit.MINUTES);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            return commits.count();
        });

        commits.committed();

        assertThat(waiting.get(1, TimeUnit.MINUTES)).isEqualTo(1);
    }
}
