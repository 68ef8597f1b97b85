package app.rekindle.query.replay;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.query.QueryServiceTest;
import app.rekindle.query.TestApi;
import app.rekindle.query.TestJournal;
import app.rekindle.query.config.RekindleReadProperties;
import app.rekindle.query.projection.Projector;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Reads that hold a whole journal in memory run at most rekindle.read.max-whole-journal-reads (2 by default) at
 * once: while that many are running, another waits its turn (2 s) and then answers 429 with Retry-After, owner
 * and stranger alike; once a turn is free it is answered.
 */
class WholeJournalReadsTest extends QueryServiceTest {

    @Autowired
    Projector projector;

    @Autowired
    WholeJournalReads reads;

    @Autowired
    RekindleReadProperties properties;

    @LocalServerPort
    int port;

    @Test
    void while_every_turn_is_taken_a_whole_journal_read_is_429_and_is_answered_once_one_is_free() throws Exception {
        TestJournal journal = new TestJournal("alice-" + UUID.randomUUID());
        projector.apply(journal.publish(journal.opened()));
        projector.apply(journal.publish(journal.checkIn("fine")));
        TestApi api = new TestApi(port);
        int turns = properties.maxWholeJournalReads();
        CountDownLatch running = new CountDownLatch(turns);
        CountDownLatch finish = new CountDownLatch(1);
        List<CompletableFuture<?>> held = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(turns);
        try {
            for (int i = 0; i < turns; i++) {
                held.add(CompletableFuture.runAsync(
                        () -> reads.read(journal.id, journal.owner, null, access -> {
                            running.countDown();
                            return await(finish);
                        }),
                        threads));
            }
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

            var mine = api.get("/journals/" + journal.id + "/analytics", journal.owner);
            var stranger = api.get("/journals/" + journal.id + "/export?format=csv", "mallory");
            var live = api.get("/journals/" + journal.id + "/timeline", journal.owner);

            assertThat(mine.status()).isEqualTo(429);
            assertThat(mine.header("Retry-After")).isEqualTo("1");
            assertThat(mine.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(mine.body().get("limit").asString()).isEqualTo("rekindle.read.max-whole-journal-reads");
            assertThat(stranger.status()).isEqualTo(429);
            assertThat(live.status())
                    .as("a page of the live timeline takes no turn")
                    .isEqualTo(200);
            assertThat(api.get("/journals/" + journal.id + "/export", journal.owner)
                            .status())
                    .as("the json export streams the log and folds nothing: no turn")
                    .isEqualTo(200);
            for (String read : List.of(
                    "/timeline?asOf=2030-01-01T00:00:00Z",
                    "/progress?asOf=2030-01-01T00:00:00Z",
                    "/nudges",
                    "/on-this-day")) {
                assertThat(api.get("/journals/" + journal.id + read, journal.owner)
                                .status())
                        .as(read + " reads the rows of one moment or one window: no turn")
                        .isEqualTo(200);
            }
        } finally {
            finish.countDown();
            CompletableFuture.allOf(held.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
            threads.shutdown();
        }

        assertThat(api.get("/journals/" + journal.id + "/analytics", journal.owner)
                        .status())
                .isEqualTo(200);
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
