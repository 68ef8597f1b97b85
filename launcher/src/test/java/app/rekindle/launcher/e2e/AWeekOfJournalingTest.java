package app.rekindle.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.launcher.EmbeddedStack;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The whole path on the real stack: HTTP command → Axon event in PostgreSQL → Kafka record → query views,
 * for one entry of every kind, a completed step, an amendment and a retraction.
 */
class AWeekOfJournalingTest {

    private final EmbeddedStack stack = RunningStack.get();
    private final String token = Http.tokenFor(stack, "alice-week");
    private final Http commands = new Http(stack.commandUrl(), token);
    private final Http reads = new Http(stack.queryUrl(), token);

    @Test
    void every_kind_of_entry_travels_from_command_to_event_store_to_kafka_to_the_views() throws Exception {
        Http.Answer opened = commands.post(
                "/journals",
                "{\"partnerName\":\"Sam\",\"intention\":\"Find our way back\",\"timezone\":\"Europe/Berlin\"}");
        assertThat(opened.status()).isEqualTo(201);
        assertThat(opened.body().get("version").asLong()).isZero();
        String journal = "/journals/" + opened.body().get("journalId").asText();

        String reflection = created(
                journal + "/reflections",
                "{\"occurredOn\":\"2026-11-16\",\"text\":\"We drifted\","
                        + "\"myPart\":\"I withdrew\",\"theirPart\":\"Sam stopped asking\",\"lesson\":\"Say it early\"}");
        ok(journal + "/steps/reflect-on-the-past/completion", "{\"summary\":\"I see my part\"}");
        String conversation = created(
                journal + "/conversations",
                "{\"occurredAt\":\"2026-11-17T19:30:00Z\","
                        + "\"topic\":\"Evenings\",\"initiatedBy\":\"ME\",\"minutes\":40,\"feltHeard\":4,\"listenedWell\":4,"
                        + "\"outcome\":\"PARTLY_RESOLVED\",\"notes\":\"Calm\"}");
        String gesture = created(
                journal + "/gestures",
                "{\"occurredAt\":\"2026-11-18T08:00:00Z\",\"kind\":\"ASKED_ABOUT_DAY\",\"description\":\"The pitch\"}");
        Http.Answer planned = commands.post(
                journal + "/dates",
                "{\"plannedFor\":\"2026-11-21T18:00:00Z\","
                        + "\"idea\":\"Our first restaurant\",\"kind\":\"RECREATED_MEMORY\"}");
        assertThat(planned.status()).isEqualTo(201);
        String date = planned.body().get("dateId").asText();
        ok(journal + "/dates/" + date + "/happened", "{\"rating\":5,\"memory\":\"We laughed\"}");
        created(
                journal + "/activities",
                "{\"occurredAt\":\"2026-11-21T20:00:00Z\",\"activity\":\"Board games\","
                        + "\"laughedTogether\":true,\"newMemory\":\"The dice tower\"}");
        created(
                journal + "/personal-time",
                "{\"occurredAt\":\"2026-11-19T17:00:00Z\",\"whose\":\"PARTNERS\","
                        + "\"pursuit\":\"Climbing\",\"minutes\":150}");
        created(journal + "/check-ins", "{\"mood\":4,\"connection\":3,\"note\":\"Hopeful\"}");
        ok(
                journal + "/entries/" + conversation + "/amendment",
                "{\"changes\":{\"topic\":\"How we spend evenings\"},\"reason\":\"clearer\"}");
        Http.Answer retracted = commands.delete(journal + "/entries/" + gesture);
        assertThat(retracted.status()).isEqualTo(200);
        long version = retracted.body().get("version").asLong();

        Http.Answer timeline = reads.get(journal + "/timeline?minVersion=" + version);
        assertThat(timeline.status()).isEqualTo(200);
        assertThat(timeline.body().get("version").asLong()).isEqualTo(version);
        assertThat(kinds(timeline.body().get("entries")))
                .containsExactlyInAnyOrder(
                        "REFLECTION", "CONVERSATION", "DATE", "ACTIVITY", "PERSONAL_TIME", "CHECK_IN");
        assertThat(entry(timeline, conversation).at("/fields/topic").asText()).isEqualTo("How we spend evenings");
        assertThat(entry(timeline, date).at("/fields/rating").asInt()).isEqualTo(5);
        assertThat(entry(timeline, reflection).get("step").asText()).isEqualTo("reflect-on-the-past");
        assertThat(reads.get(journal + "/timeline?includeRetracted=true").body().get("entries"))
                .hasSize(7);
        assertThat(reads.get(journal + "/entries/" + conversation).body().get("revisions"))
                .hasSize(2);

        Map<String, JsonNode> steps =
                steps(reads.get(journal + "/progress?minVersion=" + version).body());
        assertThat(steps.get("reflect-on-the-past").get("status").asText()).isEqualTo("COMPLETED");
        assertThat(steps.get("communicate-openly").get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(steps.get("show-genuine-interest").get("entryCount").asInt()).isZero();
        assertThat(steps.get("rekindle-romance").get("entryCount").asInt()).isEqualTo(1);
        assertThat(steps.get("give-each-other-space").get("entryCount").asInt()).isEqualTo(1);

        String journalId = opened.body().get("journalId").asText();
        assertThat(reads.get("/journals").body().findValuesAsText("journalId")).contains(journalId);
        assertThat(eventsStored(journalId)).isEqualTo(version + 1);
        List<ConsumerRecord<String, byte[]>> records =
                TopicReader.recordsOf(stack.kafkaBootstrapServers(), stack.topic(), journalId);
        assertThat(records)
                .extracting(record -> Long.parseLong(header(record, "ce_sequence")))
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(0, version).boxed().toList());
        assertThat(header(records.getFirst(), "ce_type")).isEqualTo("app.rekindle.journal.journal-opened");
    }

    private String created(String path, String json) {
        Http.Answer answer = commands.post(path, json);
        assertThat(answer.status()).as(path).isEqualTo(201);
        return answer.body().get("entryId").asText();
    }

    private void ok(String path, String json) {
        assertThat(commands.post(path, json).status()).as(path).isEqualTo(200);
    }

    private static List<String> kinds(JsonNode entries) {
        return StreamSupport.stream(entries.spliterator(), false)
                .map(entry -> entry.get("kind").asText())
                .toList();
    }

    private static JsonNode entry(Http.Answer timeline, String entryId) {
        return StreamSupport.stream(timeline.body().get("entries").spliterator(), false)
                .filter(entry -> entry.get("entryId").asText().equals(entryId))
                .findFirst()
                .orElseThrow();
    }

    private static Map<String, JsonNode> steps(JsonNode progress) {
        Map<String, JsonNode> bySlug = new HashMap<>();
        progress.get("steps").forEach(step -> bySlug.put(step.get("step").asText(), step));
        return bySlug;
    }

    private long eventsStored(String journalId) throws Exception {
        try (Connection connection = DriverManager.getConnection(
                        stack.jdbcUrl("events"), stack.databaseUsername(), stack.databasePassword());
                PreparedStatement count = connection.prepareStatement(
                        "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?")) {
            count.setString(1, journalId);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
