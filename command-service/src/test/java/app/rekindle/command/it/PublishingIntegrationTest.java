package app.rekindle.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.rekindle.events.CloudEventsKafka;
import app.rekindle.events.ConversationChannel;
import app.rekindle.events.JournalEvent;
import app.rekindle.events.PublishedEvent;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** HTTP command → event store rows → CloudEvents records on Kafka, in order, with the token moving after. */
@TestPropertySource(properties = "rekindle.snapshots.threshold=10")
class PublishingIntegrationTest extends CommandServiceTest {

    private static TestEnvironment environment;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        environment = TestEnvironment.register(registry, "publishing");
    }

    private final String token = Api.tokenFor("alice");

    @Autowired
    MeterRegistry registry;

    @Autowired
    EventStorageEngine storage;

    @Test
    void check_ins_committed_from_many_threads_at_once_all_answer_201_and_all_reach_kafka() throws Exception {
        List<String> journals =
                Stream.generate(() -> api.openJournal(token)).limit(8).toList();
        ExecutorService clients = Executors.newFixedThreadPool(journals.size());
        List<Future<List<Integer>>> answers;
        try {
            answers = clients.invokeAll(journals.stream()
                    .map(journalId -> (Callable<List<Integer>>) () -> Stream.generate(() -> api.post(
                                            "/journals/" + journalId + "/check-ins",
                                            token,
                                            "{\"mood\":4,\"connection\":3}")
                                    .status())
                            .limit(40)
                            .toList())
                    .toList());
        } finally {
            clients.shutdown();
        }
        for (Future<List<Integer>> client : answers) {
            assertThat(client.get()).hasSize(40).containsOnly(201);
        }

        try (TopicReader topic = new TopicReader(environment.topic)) {
            for (String journalId : journals) {
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> topic.journal(journalId), records -> records.size() == 1 + 40);
            }
        }
    }

    @Test
    void a_journals_events_are_stored_then_published_in_order_with_cloud_events_headers() {
        String journalId = api.openJournal(token);
        assertThat(api.post("/journals/" + journalId + "/conversations", token, Api.conversation(4))
                        .status())
                .isEqualTo(201);
        Api.Response checkIn =
                api.post("/journals/" + journalId + "/check-ins", token, "{\"mood\":4,\"connection\":3}");
        assertThat(checkIn.body().get("version").asLong()).isEqualTo(3);

        assertThat(jdbc.sql("SELECT sequence_number, payload_type, payload_revision FROM domain_event_entry"
                                + " WHERE aggregate_identifier = ? ORDER BY sequence_number")
                        .param(journalId)
                        .query((rs, row) -> rs.getLong(1) + " " + rs.getString(2) + " r" + rs.getString(3))
                        .list())
                .containsExactly(
                        "0 app.rekindle.events.JournalEvent$JournalOpened r1",
                        "1 app.rekindle.events.JournalEvent$StepStarted r1",
                        "2 app.rekindle.events.JournalEvent$ConversationLogged r2",
                        "3 app.rekindle.events.JournalEvent$CheckedIn r1");

        try (TopicReader topic = new TopicReader(environment.topic)) {
            List<ConsumerRecord<String, byte[]>> records = await().atMost(Duration.ofSeconds(30))
                    .until(() -> topic.journal(journalId), list -> list.size() >= 4);
            assertThat(records).hasSize(4);
            assertThat(records)
                    .extracting(record -> header(record, CloudEventsKafka.SEQUENCE))
                    .containsExactly("0", "1", "2", "3");
            assertThat(records)
                    .extracting(record -> header(record, CloudEventsKafka.TYPE))
                    .containsExactly(
                            "app.rekindle.journal.journal-opened", "app.rekindle.journal.step-started",
                            "app.rekindle.journal.conversation-logged", "app.rekindle.journal.checked-in");
            PublishedEvent last = CloudEventsKafka.fromRecord(records.get(3));
            assertThat(last.event()).isInstanceOf(JournalEvent.CheckedIn.class);
            assertThat(last.journalId().toString()).isEqualTo(journalId);
            assertThat(header(records.get(0), CloudEventsKafka.ID))
                    .isEqualTo(jdbc.sql("SELECT event_identifier FROM domain_event_entry WHERE aggregate_identifier = ?"
                                    + " AND sequence_number = 0")
                            .param(journalId)
                            .query(String.class)
                            .single());
        }
    }

    @Test
    void an_event_stored_at_an_older_schema_version_loads_and_is_published_at_the_current_one() {
        String journalId = UUID.randomUUID().toString();
        String entryId = UUID.randomUUID().toString();
        // A journal written by an older build: its conversation is version 1, which had no channel.
        storeRaw(journalId, 0, "JournalOpened", """
                {"journalId":"%s","ownerId":"alice","partnerName":"Sam","intention":"Back","timezone":"UTC",
                 "occurredAt":"2026-03-14T18:00:00Z","recordedAt":"2026-03-14T18:00:00Z"}""".formatted(journalId));
        storeRaw(journalId, 1, "StepStarted", """
                {"journalId":"%s","step":"COMMUNICATE_OPENLY","occurredAt":"2026-03-14T18:30:00Z",
                 "recordedAt":"2026-03-14T18:30:00Z"}""".formatted(journalId));
        storeRaw(journalId, 2, "ConversationLogged", """
                {"journalId":"%s","entryId":"%s","topic":"Holidays","initiatedBy":"ME","minutes":45,"feltHeard":4,
                 "listenedWell":5,"outcome":"PARTLY_RESOLVED","notes":"Calm","occurredAt":"2026-03-14T18:30:00Z",
                 "recordedAt":"2026-03-14T18:30:00Z"}""".formatted(journalId, entryId));

        // Amending it needs the aggregate to load the old event; the new channel is a valid amendment.
        Api.Response amended = api.post(
                "/journals/" + journalId + "/entries/" + entryId + "/amendment",
                token,
                "{\"changes\":{\"channel\":\"PHONE_CALL\"},\"reason\":\"remembered\"}");
        assertThat(amended.status()).as(amended.toString()).isEqualTo(200);
        assertThat(amended.body().get("version").asLong()).isEqualTo(3);

        try (TopicReader topic = new TopicReader(environment.topic)) {
            List<ConsumerRecord<String, byte[]>> records = await().atMost(Duration.ofSeconds(30))
                    .until(() -> topic.journal(journalId), list -> list.size() >= 4);
            ConsumerRecord<String, byte[]> old = records.get(2);
            assertThat(header(old, CloudEventsKafka.SCHEMA_VERSION)).isEqualTo("2");
            assertThat(((JournalEvent.ConversationLogged)
                                    CloudEventsKafka.fromRecord(old).event())
                            .channel())
                    .isEqualTo(ConversationChannel.NOT_RECORDED);
            assertThat(CloudEventsKafka.fromRecord(records.get(3)).event())
                    .isInstanceOf(JournalEvent.EntryAmended.class);
        }
    }

    private void storeRaw(String journalId, long sequence, String eventClass, String json) {
        jdbc.sql("""
                        INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                                                        time_stamp, payload_type, payload_revision, payload, meta_data)
                        VALUES (?, ?, ?, 'Journal', '2026-03-14T18:30:00Z', ?, '1', ?, ?)""")
                .params(
                        UUID.randomUUID().toString(),
                        journalId,
                        sequence,
                        "app.rekindle.events.JournalEvent$" + eventClass,
                        json.getBytes(StandardCharsets.UTF_8),
                        "{}".getBytes(StandardCharsets.UTF_8))
                .update();
    }

    @Test
    void the_publishers_token_moves_only_past_what_the_broker_has() {
        String journalId = api.openJournal(token);
        for (int i = 0; i < 5; i++) {
            api.post("/journals/" + journalId + "/check-ins", token, "{\"mood\":3,\"connection\":3}");
        }
        long lastIndex = jdbc.sql("SELECT max(global_index) FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(journalId)
                .query(Long.class)
                .single();
        try (TopicReader topic = new TopicReader(environment.topic)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> tokenPosition() >= lastIndex);
            // Once the token is past the journal's last event, every one of its events is on the topic already.
            List<ConsumerRecord<String, byte[]>> records = await().atMost(Duration.ofSeconds(10))
                    .until(() -> topic.journal(journalId), list -> list.size() >= 6);
            assertThat(records)
                    .extracting(record -> Long.parseLong(header(record, CloudEventsKafka.SEQUENCE)))
                    .containsExactlyElementsOf(LongStream.range(0, 6).boxed().toList());
        }
    }

    @Test
    void a_long_journal_gets_a_snapshot_and_still_loads() {
        String journalId = api.openJournal(token);
        for (int i = 0; i < 12; i++) {
            assertThat(api.post("/journals/" + journalId + "/check-ins", token, "{\"mood\":3,\"connection\":4}")
                            .status())
                    .isEqualTo(201);
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?")
                                .param(journalId)
                                .query(Long.class)
                                .single()
                        > 0);

        Api.Response started = api.post("/journals/" + journalId + "/steps/communicate-openly/start", token, null);
        assertThat(started.status()).isEqualTo(200);
        assertThat(started.body().get("version").asLong()).isEqualTo(13);
        Api.Response notReady =
                api.post("/journals/" + journalId + "/steps/communicate-openly/completion", token, "{}");
        assertThat(notReady.status()).isEqualTo(422);
    }

    private long tokenPosition() {
        return jdbc.sql("SELECT token FROM token_entry WHERE processor_name = 'kafka-publisher' AND segment = 0")
                .query((rs, row) -> rs.getBytes(1))
                .optional()
                .map(bytes -> Api.JSON.readTree(bytes).path("index").asLong(-1))
                .orElse(-1L);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    /**
     * The publisher is woken once a command's transaction has committed. Woken at Axon's unit-of-work commit, before
     * it, it found nothing and a lone event waited out the event store's one-second fetch delay.
     */
    @Test
    void a_lone_check_in_is_published_without_waiting_for_the_event_store_s_fetch_delay() {
        String journalId = api.openJournal(token);
        long[] waits = new long[5];
        for (int i = 0; i < waits.length; i++) {
            await().atMost(Duration.ofSeconds(30)).until(() -> published() == stored());
            double before = published();
            assertThat(api.post("/journals/" + journalId + "/check-ins", token, "{\"mood\":4,\"connection\":3}")
                            .status())
                    .isEqualTo(201);
            long answered = System.nanoTime();
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(5))
                    .until(() -> published() > before);
            waits[i] = Duration.ofNanos(System.nanoTime() - answered).toMillis();
        }
        Arrays.sort(waits);
        assertThat(waits[waits.length / 2])
                .as("median wait for the publisher, ms")
                .isLessThan(500);
    }

    /**
     * The event store's poller reads one batch per read and reads again at once after a read found events, so a run
     * longer than a batch is published whole; a reader catching up on its own still gets everything in one read.
     */
    @Test
    void a_run_of_events_longer_than_a_batch_is_published_whole_from_one_batch_per_poller_read() {
        String journalId = api.openJournal(token);
        for (int i = 0; i < 110; i++) {
            assertThat(api.post("/journals/" + journalId + "/check-ins", token, "{\"mood\":2,\"connection\":3}")
                            .status())
                    .isEqualTo(201);
        }
        int batch = ((BatchingEventStorageEngine) storage).batchSize();
        try (Stream<?> tailing = storage.readEvents(null, true);
                Stream<?> catchingUp = storage.readEvents(null, false)) {
            // A batch is a window of global indexes: at most that many events, fewer where an index went unused.
            assertThat(tailing.count()).isBetween(1L, (long) batch);
            assertThat(catchingUp.count()).isEqualTo(stored()).isGreaterThan(batch);
        }
        try (TopicReader topic = new TopicReader(environment.topic)) {
            List<ConsumerRecord<String, byte[]>> records = await().atMost(Duration.ofSeconds(60))
                    .until(() -> topic.journal(journalId), list -> list.size() >= 111);
            assertThat(records)
                    .extracting(record -> Long.parseLong(header(record, CloudEventsKafka.SEQUENCE)))
                    .containsExactlyElementsOf(LongStream.range(0, 111).boxed().toList());
        }
    }

    private double published() {
        return registry.get("rekindle.events.published").counter().count();
    }

    private long stored() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry")
                .query(Long.class)
                .single();
    }
}
