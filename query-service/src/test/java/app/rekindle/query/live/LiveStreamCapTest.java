package app.rekindle.query.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.rekindle.query.QueryServiceTest;
import app.rekindle.query.TestApi;
import app.rekindle.query.TestJournal;
import app.rekindle.query.projection.Projector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One person holds at most five live streams at once (rekindle.live.max-streams-per-person): the sixth is a
 * 429 problem+json with Retry-After, other people are not affected, and a closed stream gives its place back
 * (noticed at the next heartbeat, 500 ms in tests).
 */
class LiveStreamCapTest extends QueryServiceTest {

    private static final int PER_PERSON = 5;

    @Autowired
    Projector projector;

    @LocalServerPort
    int port;

    @Test
    void a_sixth_stream_of_one_person_is_429_and_a_closed_one_gives_its_place_back() {
        TestJournal journal = new TestJournal("alice-" + UUID.randomUUID());
        TestJournal other = new TestJournal("bob-" + UUID.randomUUID());
        projector.apply(journal.publish(journal.opened()));
        projector.apply(other.publish(other.opened()));
        String path = "/journals/" + journal.id + "/live";
        List<SseClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < PER_PERSON; i++) {
                SseClient stream = new SseClient(port, path, journal.owner, null);
                open.add(stream);
                assertThat(stream.status()).isEqualTo(200);
            }

            var refused = new TestApi(port).get(path, journal.owner);

            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(refused.header("Retry-After")).isEqualTo("10");
            assertThat(refused.body().get("type").asString())
                    .isEqualTo("https://rekindle.app/problems/too-many-requests");
            assertThat(refused.body().get("limit").asString()).isEqualTo("rekindle.live.max-streams-per-person");
            assertThat(refused.body().get("max").asInt()).isEqualTo(PER_PERSON);
            try (SseClient someoneElse = new SseClient(port, "/journals/" + other.id + "/live", other.owner, null)) {
                assertThat(someoneElse.status()).isEqualTo(200);
            }

            open.removeFirst().close();

            await().atMost(Duration.ofSeconds(10)).until(() -> {
                SseClient again = new SseClient(port, path, journal.owner, null);
                if (again.status() == 200) {
                    open.add(again);
                    return true;
                }
                again.close();
                return false;
            });
        } finally {
            open.forEach(SseClient::close);
        }
    }
}
