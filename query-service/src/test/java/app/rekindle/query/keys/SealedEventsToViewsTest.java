package app.rekindle.query.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.rekindle.events.CloudEventsKafka;
import app.rekindle.events.PublishedEvent;
import app.rekindle.events.Step;
import app.rekindle.events.privacy.SealedEvents;
import app.rekindle.query.QueryServiceTest;
import app.rekindle.query.TestApi;
import app.rekindle.query.TestJournal;
import app.rekindle.query.TestProducer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sealed records on the real topic: opened with the journal's key into the views; erased journals stay gone. */
class SealedEventsToViewsTest extends QueryServiceTest {

    private static KafkaProducer<String, byte[]> producer;
    private final StandInKeyService keys = StandInKeyService.get();
    private final String marker = "marker-" + UUID.randomUUID();

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @BeforeAll
    static void producer() {
        producer = TestProducer.toSharedBroker();
    }

    @AfterAll
    static void close() {
        producer.close();
    }

    @Test
    void sealed_free_text_is_opened_into_the_views_and_erasure_purges_them() {
        TestJournal journal = new TestJournal("sealed-" + UUID.randomUUID());
        sendSealed(journal.publish(journal.opened()));
        sendSealed(journal.publish(journal.started(Step.COMMUNICATE_OPENLY)));
        sendSealed(journal.publish(journal.conversation(marker)));
        TestApi api = new TestApi(port);

        TestApi.Response timeline = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> api.get("/journals/" + journal.id + "/timeline?minVersion=2", journal.owner),
                        r -> r.status() == 200);
        assertThat(timeline.raw()).contains(marker);

        keys.destroy(journal.id);
        sendSealed(journal.publish(journal.erased()));
        for (String view : List.of("/timeline", "/history", "/export", "/progress")) {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> api.get("/journals/" + journal.id + view, journal.owner)
                                    .status()
                            == 404);
        }
        assertThat(erased(journal)).isTrue();
    }

    @Test
    void a_record_whose_key_is_already_destroyed_is_read_as_the_erasure_and_nothing_of_it_is_projected() {
        TestJournal journal = new TestJournal("late-" + UUID.randomUUID());
        PublishedEvent opened = journal.publish(journal.opened());
        byte[] sealedOpening = SealedEvents.seal(opened.event(), keys::keyFor);
        PublishedEvent conversation = journal.publish(journal.conversation(marker));
        byte[] sealedConversation = SealedEvents.seal(conversation.event(), keys::keyFor);
        keys.destroy(journal.id);

        send(opened, sealedOpening);
        send(conversation, sealedConversation);

        await().atMost(Duration.ofSeconds(60)).until(() -> erased(journal));
        assertThat(new TestApi(port)
                        .get("/journals/" + journal.id + "/timeline", journal.owner)
                        .status())
                .isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from timeline_entry where journal_id = :id")
                        .param("id", journal.id)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void a_rebuild_from_the_topic_keeps_an_erased_journal_erased() throws Exception {
        TestJournal journal = new TestJournal("rebuilt-" + UUID.randomUUID());
        sendSealed(journal.publish(journal.opened()));
        sendSealed(journal.publish(journal.checkIn(marker)));
        keys.destroy(journal.id);
        sendSealed(journal.publish(journal.erased()));
        await().atMost(Duration.ofSeconds(60)).until(() -> erased(journal));

        TestApi api = new TestApi(port);
        HttpResponse<String> started = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/admin/rebuild"))
                                .header("Authorization", "Bearer " + TestApi.token(ADMIN))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> api.get("/admin/rebuild", ADMIN)
                        .body()
                        .get("state")
                        .asString()
                        .equals("DONE"));

        assertThat(erased(journal)).isTrue();
        assertThat(api.get("/journals/" + journal.id + "/timeline", journal.owner)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void a_sealed_record_naming_a_key_that_never_existed_is_dead_lettered_not_retried_forever() {
        TestJournal bogus = new TestJournal("bogus-" + UUID.randomUUID());
        PublishedEvent opened = bogus.publish(bogus.opened());
        send(opened, SealedEvents.seal(opened.event(), journal -> app.rekindle.events.privacy.DataKey.generate()));
        TestJournal next = new TestJournal("next-" + UUID.randomUUID());
        sendSealed(next.publish(next.opened()));

        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("select count(*) from dead_letter where journal_id = :id")
                                .param("id", bogus.id)
                                .query(Long.class)
                                .single()
                        == 1);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> new TestApi(port)
                                .get("/journals/" + next.id + "/timeline", next.owner)
                                .status()
                        == 200);
    }

    private boolean erased(TestJournal journal) {
        return jdbc.sql("select coalesce(bool_or(erased), false) from journal_position where journal_id = :id")
                .param("id", journal.id)
                .query(Boolean.class)
                .single();
    }

    private void sendSealed(PublishedEvent published) {
        send(published, SealedEvents.seal(published.event(), keys::keyFor));
    }

    private void send(PublishedEvent published, byte[] payload) {
        producer.send(CloudEventsKafka.toRecord(TOPIC, published, payload));
        producer.flush();
    }
}
