package app.rekindle.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import app.rekindle.events.CloudEventsKafka;
import app.rekindle.events.JournalEvent;
import app.rekindle.events.MalformedRecordException;
import app.rekindle.events.PublishedEvent;
import app.rekindle.events.privacy.DataKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Free text is sealed in the raw event store and on the raw topic; erasing destroys the only key to it. */
class PrivacyIntegrationTest extends CommandServiceTest {

    private static TestEnvironment environment;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        environment = TestEnvironment.register(registry, "privacy");
    }

    private final String token = Api.tokenFor("alice");
    private final String queryService = Api.tokenFor("rekindle-query-service", "journal-keys");
    private final String marker = "marker-" + UUID.randomUUID();

    @Test
    void free_text_is_sealed_in_the_event_store_and_on_kafka_and_opens_with_the_journals_key() {
        String journalId = journalWithMarkedText();

        List<String> rows = storedPayloads(journalId);
        assertThat(rows).hasSize(4).noneMatch(row -> row.contains(marker));
        assertThat(rows).filteredOn(row -> row.contains("\"keyId\"")).hasSize(3);
        assertThat(rows.get(2)).contains("\"feltHeard\":4").contains("\"outcome\":\"PARTLY_RESOLVED\"");

        List<ConsumerRecord<String, byte[]>> records = published(journalId, 4);
        assertThat(records).noneMatch(record -> text(record).contains(marker));
        assertThat(text(records.get(2))).contains("\"keyId\"");

        DataKey key = dataKey(journalId);
        JournalEvent.ConversationLogged conversation = (JournalEvent.ConversationLogged)
                CloudEventsKafka.fromRecord(records.get(2), (j, k) -> Optional.of(key))
                        .event();
        assertThat(conversation.topic()).isEqualTo(marker);
        JournalEvent.EntryAmended amended =
                (JournalEvent.EntryAmended) CloudEventsKafka.fromRecord(records.get(3), (j, k) -> Optional.of(key))
                        .event();
        assertThat(amended.changes())
                .containsEntry("notes", marker + " amended")
                .containsEntry("minutes", 50);
    }

    @Test
    void the_key_path_takes_only_the_query_services_credential() {
        String journalId = journalWithMarkedText();
        String path = "/internal/journals/" + journalId + "/data-key";
        assertThat(api.get(path, null).status()).isEqualTo(401);
        assertThat(api.get(path, token).status()).isEqualTo(403);
        assertThat(api.get(path, Api.tokenFor("rekindle-query-service")).status())
                .isEqualTo(403);
        assertThat(api.get(path, queryService).status()).isEqualTo(200);
        assertThat(api.get("/internal/journals/" + UUID.randomUUID() + "/data-key", queryService)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void erasing_destroys_the_key_so_no_stored_or_published_copy_opens_again() {
        String journalId = journalWithMarkedText();
        assertThat(api.delete("/journals/" + journalId, token).status()).isEqualTo(200);

        assertThat(jdbc.sql(
                                "select wrapped_key is null and destroyed_at is not null from journal_key where journal_id = ?")
                        .param(UUID.fromString(journalId))
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(api.get("/internal/journals/" + journalId + "/data-key", queryService)
                        .status())
                .isEqualTo(410);
        assertThat(api.post("/journals/" + journalId + "/check-ins", token, "{\"mood\":4,\"connection\":3}")
                        .status())
                .isEqualTo(404);

        List<ConsumerRecord<String, byte[]>> records = published(journalId, 5);
        assertThat(header(records.get(4))).isEqualTo("app.rekindle.journal.journal-erased");
        assertThat(storedPayloads(journalId)).noneMatch(row -> row.contains(marker));
        assertThat(records).noneMatch(record -> text(record).contains(marker));
        // Even the master key opens nothing: it only ever wrapped the destroyed data key.
        DataKey master = DataKey.of("master", Base64.getDecoder().decode(TestEnvironment.MASTER_KEY));
        assertThatThrownBy(() ->
                        CloudEventsKafka.fromRecord(records.get(2), (j, k) -> Optional.of(DataKey.of(k, master.raw()))))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("does not authenticate");
        PublishedEvent withoutKey = CloudEventsKafka.fromRecord(records.get(2));
        assertThat(((JournalEvent.ConversationLogged) withoutKey.event()).topic())
                .isNull();
        assertThat(((JournalEvent.ConversationLogged) withoutKey.event()).feltHeard())
                .isEqualTo(4);
    }

    private String journalWithMarkedText() {
        Api.Response opened = api.post("/journals", token, """
                {"partnerName":"%s","intention":"%s","timezone":"Europe/Berlin"}""".formatted(marker, marker));
        String journalId = opened.body().get("journalId").asString();
        Api.Response logged =
                api.post("/journals/" + journalId + "/conversations", token, """
                {"occurredAt":"2026-02-28T19:30:00Z","topic":"%s","initiatedBy":"ME","minutes":40,
                 "feltHeard":4,"listenedWell":4,"outcome":"PARTLY_RESOLVED","notes":"%s"}""".formatted(marker, marker));
        String entryId = logged.body().get("entryId").asString();
        Api.Response amended = api.post(
                "/journals/" + journalId + "/entries/" + entryId + "/amendment", token, """
                {"changes":{"notes":"%s amended","minutes":50},"reason":"%s"}""".formatted(marker, marker));
        assertThat(amended.status()).as("amended: %s", amended).isBetween(200, 201);
        return journalId;
    }

    private List<String> storedPayloads(String journalId) {
        return jdbc.sql(
                        "select payload from domain_event_entry where aggregate_identifier = ? order by sequence_number")
                .param(journalId)
                .query((rs, n) -> new String(rs.getBytes(1), StandardCharsets.UTF_8))
                .list();
    }

    private List<ConsumerRecord<String, byte[]>> published(String journalId, int count) {
        try (TopicReader topic = new TopicReader(environment.topic)) {
            return await().atMost(Duration.ofSeconds(30)).until(() -> topic.journal(journalId), l -> l.size() >= count);
        }
    }

    private DataKey dataKey(String journalId) {
        Api.Response response = api.get("/internal/journals/" + journalId + "/data-key", queryService);
        assertThat(response.status()).isEqualTo(200);
        return DataKey.of(
                response.body().get("keyId").asString(),
                Base64.getDecoder().decode(response.body().get("key").asString()));
    }

    private static String text(ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }

    private static String header(ConsumerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader(CloudEventsKafka.TYPE).value(), StandardCharsets.UTF_8);
    }
}
