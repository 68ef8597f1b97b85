package app.rekindle.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.rekindle.launcher.EmbeddedStack;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Issue #4's promise, proven on the real stack by reading the raw event store and the raw topic: free text is
 * never there in the clear, the views show it opened, and erasing the journal destroys the only key to it.
 */
class ErasureTest {

    private final EmbeddedStack stack = RunningStack.get();
    private final String token = Http.tokenFor(stack, "erin-" + UUID.randomUUID());
    private final Http commands = new Http(stack.commandUrl(), token);
    private final Http reads = new Http(stack.queryUrl(), token);
    private final String marker = "marker-" + UUID.randomUUID();

    @Test
    void free_text_is_sealed_at_rest_and_on_kafka_and_erasure_shreds_it_everywhere() throws Exception {
        String journalId = commands.post("/journals", """
                {"partnerName":"%s","intention":"%s","timezone":"Europe/Berlin"}""".formatted(marker, marker))
                .body()
                .get("journalId")
                .asText();
        String journal = "/journals/" + journalId;
        Http.Answer reflection = commands.post(journal + "/reflections", """
                {"occurredOn":"2026-11-16","text":"%s","myPart":"%s","lesson":"%s"}""".formatted(marker, marker, marker));
        assertThat(reflection.status()).isEqualTo(201);
        long version = reflection.body().get("version").asLong();

        Http.Answer timeline = await().atMost(Duration.ofSeconds(60))
                .until(() -> reads.get(journal + "/timeline?minVersion=" + version), answer -> answer.status() == 200);
        assertThat(timeline.body().toString())
                .as("the views hold the opened text")
                .contains(marker);

        List<String> stored = storedPayloads(journalId);
        assertThat(stored).hasSize((int) version + 1).noneMatch(row -> row.contains(marker));
        assertThat(stored.getFirst()).contains("\"keyId\"").contains("\"partnerName\":\"enc:v1:");
        List<ConsumerRecord<String, byte[]>> records = recordsOf(journalId, (int) version + 1);
        assertThat(records).noneMatch(record -> text(record).contains(marker));
        assertThat(text(records.getLast())).contains("\"keyId\"").contains("\"text\":\"enc:v1:");

        // The query service's own credential: its client-credentials token from the identity service.
        Http keyPath = new Http(stack.commandUrl(), Http.queryServiceToken(stack.identityProvider()));
        assertThat(keyPath.get("/internal/journals/" + journalId + "/data-key").status())
                .isEqualTo(200);
        assertThat(commands.get("/internal/journals/" + journalId + "/data-key").status())
                .as("a person's token never gets a key")
                .isEqualTo(403);

        assertThat(commands.delete(journal).status()).isEqualTo(200);

        assertThat(keyPath.get("/internal/journals/" + journalId + "/data-key").status())
                .isEqualTo(410);
        assertThat(keyRowDestroyed(journalId)).isTrue();
        for (String view : List.of("/timeline", "/export", "/history", "/progress")) {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> reads.get(journal + view).status() == 404);
        }
        assertThat(storedPayloads(journalId)).noneMatch(row -> row.contains(marker));
        List<ConsumerRecord<String, byte[]>> after = recordsOf(journalId, (int) version + 2);
        assertThat(after).noneMatch(record -> text(record).contains(marker));
        assertThat(new String(after.getLast().headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .isEqualTo("app.rekindle.journal.journal-erased");
        assertThat(commands.post(journal + "/check-ins", "{\"mood\":3,\"connection\":3}")
                        .status())
                .isEqualTo(404);
    }

    private List<ConsumerRecord<String, byte[]>> recordsOf(String journalId, int count) {
        return await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> TopicReader.recordsOf(stack.kafkaBootstrapServers(), stack.topic(), journalId),
                        records -> records.size() >= count);
    }

    private List<String> storedPayloads(String journalId) throws Exception {
        return column(
                "SELECT convert_from(payload, 'UTF8') FROM domain_event_entry WHERE aggregate_identifier = ?"
                        + " ORDER BY sequence_number",
                journalId);
    }

    private boolean keyRowDestroyed(String journalId) throws Exception {
        return column(
                        "SELECT (wrapped_key IS NULL AND destroyed_at IS NOT NULL)::text FROM journal_key"
                                + " WHERE journal_id = ?::uuid",
                        journalId)
                .equals(List.of("true"));
    }

    private List<String> column(String sql, String parameter) throws Exception {
        try (Connection connection = DriverManager.getConnection(
                        stack.jdbcUrl("events"), stack.databaseUsername(), stack.databasePassword());
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    private static String text(ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }
}
