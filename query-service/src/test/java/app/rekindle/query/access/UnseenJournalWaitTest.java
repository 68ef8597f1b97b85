package app.rekindle.query.access;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.query.QueryServiceTest;
import app.rekindle.query.TestApi;
import app.rekindle.query.TestJournal;
import app.rekindle.query.projection.Projector;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code minVersion} on a journal the caller cannot see answers 404 after the short unseen-journal wait (300 ms
 * in tests), before the read wait is over (1.5 s here, 5 s by default) and never 202: a client must not be told
 * "not yet" for ever about a journal that is not there. Missing and someone else's answer alike; the caller's
 * own journal whose first event lands during that wait is still read.
 */
class UnseenJournalWaitTest extends QueryServiceTest {

    /** The read wait configured for the tests (QueryServiceTest), which a 404 must come well before. */
    private static final Duration READ_WAIT = Duration.ofMillis(1500);

    @Autowired
    Projector projector;

    @LocalServerPort
    int port;

    TestApi api;
    TestJournal journal;

    @BeforeEach
    void journal_of_alice() {
        api = new TestApi(port);
        journal = new TestJournal("alice-" + UUID.randomUUID());
        projector.apply(journal.publish(journal.opened()));
        projector.apply(journal.publish(journal.checkIn("fine")));
    }

    @Test
    void min_version_on_a_missing_or_someone_elses_journal_is_a_prompt_404_for_every_read() {
        for (String read : new String[] {
            "", "/timeline", "/progress", "/history", "/analytics", "/export", "/nudges", "/on-this-day"
        }) {
            Timed foreign = timed("/journals/" + journal.id + read + "?minVersion=5", "mallory");
            Timed missing = timed("/journals/" + UUID.randomUUID() + read + "?minVersion=5", "mallory");

            assertThat(foreign.response().status()).as(read).isEqualTo(404);
            assertThat(foreign.response().raw())
                    .as(read)
                    .isEqualTo(missing.response().raw());
            assertThat(foreign.took()).as(read).isLessThan(READ_WAIT);
            assertThat(missing.took()).as(read).isLessThan(READ_WAIT);
        }
    }

    @Test
    void the_list_with_journal_id_and_min_version_is_a_prompt_404_for_missing_and_foreign_journals() {
        Timed foreign = timed("/journals?journalId=" + journal.id + "&minVersion=1", "mallory");
        Timed missing = timed("/journals?journalId=" + UUID.randomUUID() + "&minVersion=1", "mallory");

        assertThat(foreign.response().status()).isEqualTo(404);
        assertThat(foreign.response().raw()).isEqualTo(missing.response().raw());
        assertThat(foreign.took()).isLessThan(READ_WAIT);
        assertThat(missing.took()).isLessThan(READ_WAIT);
        assertThat(api.get("/journals?journalId=" + journal.id + "&minVersion=1", journal.owner)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void my_own_version_not_reached_in_time_is_still_202_not_yet() {
        Timed mine = timed("/journals/" + journal.id + "/progress?minVersion=9", journal.owner);

        assertThat(mine.response().status()).isEqualTo(202);
        assertThat(mine.took()).isGreaterThanOrEqualTo(READ_WAIT);
    }

    @Test
    void a_journal_opened_a_moment_ago_is_read_once_its_first_event_lands_within_the_wait() throws Exception {
        TestJournal fresh = new TestJournal("alice-" + UUID.randomUUID());
        TestApi.token(fresh.owner); // the key is loaded now, not while the event is on its way
        var opened = fresh.publish(fresh.opened());
        // The read starts before the journal's first event is projected, as a client reading right after
        // opening a journal does; the event lands while the read is looking for the journal.
        CompletableFuture<TestApi.Response> read =
                CompletableFuture.supplyAsync(() -> api.get("/journals/" + fresh.id + "?minVersion=0", fresh.owner));
        CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS).execute(() -> projector.apply(opened));

        TestApi.Response response = read.get(10, TimeUnit.SECONDS);

        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        assertThat(response.body().get("version").asLong()).isZero();
    }

    private record Timed(TestApi.Response response, Duration took) {}

    private Timed timed(String path, String subject) {
        long start = System.nanoTime();
        TestApi.Response response = api.get(path, subject);
        return new Timed(response, Duration.ofNanos(System.nanoTime() - start));
    }
}
