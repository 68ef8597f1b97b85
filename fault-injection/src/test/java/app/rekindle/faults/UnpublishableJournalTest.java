package app.rekindle.faults;

import app.rekindle.events.rules.EventSize;
import app.rekindle.faults.FaultStack.Service;
import app.rekindle.faults.Outcome.Kind;
import app.rekindle.launcher.DevTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static app.rekindle.faults.SharedFaultStack.INTERVAL;
import static app.rekindle.faults.SharedFaultStack.JOURNALS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One journal becomes unpublishable under load: the topic's record limit is lowered (as an operator might) below a
 * reflection of long texts, and the broker refuses it for good. The other journals keep reaching the views within
 * seconds; the refused journal is parked and listed for operators; once the limit is back, an operator's retry
 * publishes it and each of its events reaches the views exactly once.
 */
@ExtendWith(SharedFaultStack.class)
class UnpublishableJournalTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Far below the reflection's record (~64 KB), far above a check-in's (~1 KB). */
    private static final int LOWERED_LIMIT = 8_000;

    private final FaultStack stack = SharedFaultStack.get();

    @Test
    void a_journal_kafka_refuses_is_parked_while_the_others_reach_the_views_and_a_retry_publishes_it_once()
            throws Exception {
        CommandHttp victim = new CommandHttp(stack.url(Service.COMMAND),
                DevTokens.issue(stack.http(), stack.url(Service.COMMAND), "fault-unpublishable"));
        String operator = DevTokens.issue(stack.http(), stack.url(Service.COMMAND), FaultStack.OPERATOR);
        String journal = JournalStream.open(victim, "Sam").journalId();
        try (Load load = Load.start(stack, "fault-unpublishable-others", JOURNALS, INTERVAL)) {
            load.awaitAccepted(20, Duration.ofSeconds(60));
            Recovery.measure(stack, Map.of(journal, 0L), System.nanoTime(), Duration.ofSeconds(30));

            topicLimit(LOWERED_LIMIT);
            long refusedVersion;
            try {
                String text = "€".repeat(4000);
                CommandHttp.Answer reflection = victim.post("/journals/" + journal + "/reflections",
                        UUID.randomUUID().toString(), """
                                {"occurredOn":"2026-11-16","text":"%s","myPart":"%s","theirPart":"%s","lesson":"%s"}"""
                                .formatted(text, text, text, text));
                assertThat(reflection.outcome().kind()).isEqualTo(Kind.ACCEPTED);
                refusedVersion = reflection.body().get("version").asLong();
                CommandHttp.Answer behind = victim.post("/journals/" + journal + "/check-ins",
                        UUID.randomUUID().toString(), "{\"mood\":4,\"connection\":4}");
                assertThat(behind.outcome().kind()).isEqualTo(Kind.ACCEPTED);
                long lastVersion = behind.body().get("version").asLong();

                // The others flow on: what they had accepted by now is in the views within seconds.
                long since = System.nanoTime();
                Duration othersCaughtUp = Recovery.measure(stack, load.lastVersions(), since, Duration.ofSeconds(15));
                System.out.printf("Unpublishable journal: the other journals' views caught up in %d ms%n",
                        othersCaughtUp.toMillis());

                JsonNode parked = await().atMost(Duration.ofSeconds(30)).until(() -> parkedJournals(operator),
                        list -> list.size() == 1);
                assertThat(parked.get(0).get("journalId").asText()).isEqualTo(journal);
                assertThat(parked.get(0).get("firstSequence").asLong()).isEqualTo(refusedVersion);
                assertThat(parked.get(0).get("parkedEvents").asLong()).isEqualTo(lastVersion - refusedVersion + 1);
                assertThat(parked.get(0).get("reason").asText()).isEqualTo("RecordTooLargeException");
                // The views hold the journal up to the refused event, and nothing of it or after it.
                Recovery.measure(stack, Map.of(journal, refusedVersion - 1), System.nanoTime(), Duration.ofSeconds(15));
                assertThat(Layers.viewPositions(stack, List.of(journal))).containsEntry(journal, refusedVersion - 1);
                load.awaitAccepted(20, Duration.ofSeconds(60));
                Recovery.measure(stack, load.lastVersions(), System.nanoTime(), Duration.ofSeconds(15));
            } finally {
                topicLimit(EventSize.KAFKA_LIMIT_BYTES);
            }

            HttpResponse<String> retried = post("/admin/parked-journals/" + journal + "/retry", operator);
            assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
            long last = refusedVersion + 1;
            Recovery.measure(stack, Map.of(journal, last), System.nanoTime(), Duration.ofSeconds(30));
            assertThat(parkedJournals(operator)).isEmpty();

            Layers layers = Layers.read(stack, List.of(journal));
            List<Long> everySequence = java.util.stream.LongStream.rangeClosed(0, last).boxed().toList();
            assertThat(layers.onKafka().get(journal)).as("on Kafka, once each, in order").isEqualTo(everySequence);
            assertThat(layers.inViews().get(journal)).as("in the views, once each").isEqualTo(everySequence);
            assertThat(layers.timeline().get(journal)).hasSize(2);
            assertThat(layers.setAside().get(journal)).as("nothing dead-lettered or missing on the query side")
                    .isNull();

            load.stop();
            load.settle();
            Duration recovery = Recovery.measure(stack, load.lastVersions(), System.nanoTime(), Duration.ofSeconds(60));
            Ledger.compare("one journal unpublishable (topic limit lowered), retried", stack, load.journals(),
                    recovery).print().assertClean();
        }
    }

    private JsonNode parkedJournals(String token) throws Exception {
        HttpResponse<String> answer = stack.http().send(HttpRequest.newBuilder(
                        stack.url(Service.COMMAND).resolve("/admin/parked-journals"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(15)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private HttpResponse<String> post(String path, String token) throws Exception {
        return stack.http().send(HttpRequest.newBuilder(stack.url(Service.COMMAND).resolve(path))
                        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(90))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** What an operator does with {@code kafka-configs.sh --alter}: the topic's own record limit. */
    private void topicLimit(int bytes) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, FaultStack.TOPIC);
            admin.incrementalAlterConfigs(Map.of(topic, List.of(new AlterConfigOp(
                    new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(bytes)),
                    AlterConfigOp.OpType.SET)))).all().get();
        }
    }
}
