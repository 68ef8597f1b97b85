package app.rekindle.query.nudges;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.events.JournalEvent.JournalOpened;
import app.rekindle.query.QueryServiceTest;
import app.rekindle.query.TestApi;
import app.rekindle.query.TestJournal;
import app.rekindle.query.projection.Projector;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

class NudgesHttpTest extends QueryServiceTest {

    @Autowired
    Projector projector;

    @LocalServerPort
    int port;

    @Test
    void a_journal_without_conversations_for_weeks_is_nudged_and_only_its_owner_sees_it() {
        TestJournal journal = new TestJournal("alice-" + UUID.randomUUID());
        Instant longAgo = Instant.now().minus(Duration.ofDays(40));
        projector.apply(journal.publish(
                new JournalOpened(journal.id, journal.owner, "Sam", "Back", "Europe/Berlin", longAgo, longAgo)));
        TestApi api = new TestApi(port);

        var mine = api.get("/journals/" + journal.id + "/nudges?minVersion=0", journal.owner);
        var foreign = api.get("/journals/" + journal.id + "/nudges", "mallory");
        var missing = api.get("/journals/" + UUID.randomUUID() + "/nudges", "mallory");

        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body().get("nudges").get(0).get("kind").asString()).isEqualTo("NO_RECENT_CONVERSATION");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.raw()).isEqualTo(missing.raw());
        assertThat(api.get("/journals/" + journal.id + "/nudges?minVersion=-1", journal.owner)
                        .status())
                .isEqualTo(400);
    }
}
