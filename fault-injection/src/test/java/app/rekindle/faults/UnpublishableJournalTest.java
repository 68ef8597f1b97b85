package app.rekindle.faults;

import static app.rekindle.faults.SharedFaultStack.INTERVAL;
import static app.rekindle.faults.SharedFaultStack.JOURNALS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.rekindle.events.rules.EventSize;
import app.rekindle.faults.FaultStack.Service;
import app.rekindle.faults.Outcome.Kind;
import app.rekindle.launcher.DemoTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two journals become unpublishable under load: the topic's record limit is lowered (as an operator might) below a
 * reflection of long texts, and the broker refuses it for good. The other journals keep reaching the views within
 * seconds; the refused journals are parked and listed for operators. Once the limit is back, an operator's retry
 * publishes the first and each of its events reaches the views exactly once; the second's refused event is skipped
 * on the command side instead, the query side holds what follows it for the missing sequence, and an operator's
 * acceptance of that gap there brings the rest into the views, the journal marked stale.
 */
@ExtendWith(SharedFaultStack.class)
class UnpublishableJournalTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Far below the reflection's record (~64 KB), far above a check-in's (~1 KB). */
    private static final int LOWERED_LIMIT = 8_000;

    private final FaultStack stack = SharedFaultStack.get();

    @Test
    void a_journal_kafka_refuses_is_parked_while_others_flow_and_a_retry_or_a_skip_with_an_accepted_gap_lets_it_go_on()
            throws Exception {
        CommandHttp victim = new CommandHttp(
                stack.url(Service.COMMAND),
                DemoTokens.issue(stack.http(), stack.url(Service.IDENTITY), "fault-unpublishable"));
        String operator = DemoTokens.issue(stack.http(), stack.url(Service.IDENTITY), FaultStack.OPERATOR);
        String journal = JournalStream.open(victim, "Sam").journalId();
        CommandHttp other = new CommandHttp(
                stack.url(Service.COMMAND),
                DemoTokens.issue(stack.http(), stack.url(Service.IDENTITY), "fault-unpublishable-skipped"));
        String skipped = JournalStream.open(other, "Kit").journalId();
        try (Load load = Load.start(stack, "fault-unpublishable-others", JOURNALS, INTERVAL)) {
            load.awaitAccepted(20, Duration.ofSeconds(60));
            Recovery.measure(stack, Map.of(journal, 0L, skipped, 0L), System.nanoTime(), Duration.ofSeconds(30));

            topicLimit(LOWERED_LIMIT);
            long refusedVersion;
            long skippedVersion;
            try {
                long[] versions = refusedReflectionAndCheckIn(victim, journal);
                refusedVersion = versions[0];
                long lastVersion = versions[1];
                skippedVersion = refusedReflectionAndCheckIn(other, skipped)[0];

                // The others flow on: what they had accepted by now is in the views within seconds.
                long since = System.nanoTime();
                Duration othersCaughtUp = Recovery.measure(stack, load.lastVersions(), since, Duration.ofSeconds(15));
                System.out.printf(
                        "Unpublishable journal: the other journals' views caught up in %d ms%n",
                        othersCaughtUp.toMillis());

                JsonNode parked = await().atMost(Duration.ofSeconds(30))
                        .until(() -> parkedJournals(operator), list -> list.size() == 2);
                JsonNode first = java.util.stream.StreamSupport.stream(parked.spliterator(), false)
                        .filter(row -> row.get("journalId").asText().equals(journal))
                        .findFirst()
                        .orElseThrow();
                assertThat(first.get("firstSequence").asLong()).isEqualTo(refusedVersion);
                assertThat(first.get("parkedEvents").asLong()).isEqualTo(lastVersion - refusedVersion + 1);
                assertThat(first.get("reason").asText()).isEqualTo("RecordTooLargeException");
                // The views hold the journals up to the refused event, and nothing of it or after it.
                Recovery.measure(
                        stack,
                        Map.of(journal, refusedVersion - 1, skipped, skippedVersion - 1),
                        System.nanoTime(),
                        Duration.ofSeconds(15));
                assertThat(Layers.viewPositions(stack, List.of(journal, skipped)))
                        .containsEntry(journal, refusedVersion - 1)
                        .containsEntry(skipped, skippedVersion - 1);
                load.awaitAccepted(20, Duration.ofSeconds(60));
                Recovery.measure(stack, load.lastVersions(), System.nanoTime(), Duration.ofSeconds(15));
            } finally {
                topicLimit(EventSize.KAFKA_LIMIT_BYTES);
            }

            HttpResponse<String> retried =
                    post(Service.COMMAND, "/admin/parked-journals/" + journal + "/retry", operator, null);
            assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
            long last = refusedVersion + 1;
            Recovery.measure(stack, Map.of(journal, last), System.nanoTime(), Duration.ofSeconds(30));
            assertThat(parkedJournals(operator)).hasSize(1);

            Layers layers = Layers.read(stack, List.of(journal));
            List<Long> everySequence =
                    java.util.stream.LongStream.rangeClosed(0, last).boxed().toList();
            assertThat(layers.onKafka().get(journal))
                    .as("on Kafka, once each, in order")
                    .isEqualTo(everySequence);
            assertThat(layers.inViews().get(journal))
                    .as("in the views, once each")
                    .isEqualTo(everySequence);
            assertThat(layers.timeline().get(journal)).hasSize(2);
            assertThat(layers.setAside().get(journal))
                    .as("nothing dead-lettered or missing on the query side")
                    .isNull();

            skipOnBothSides(operator, skipped, skippedVersion);

            load.stop();
            load.settle();
            Duration recovery = Recovery.measure(stack, load.lastVersions(), System.nanoTime(), Duration.ofSeconds(60));
            Ledger.compare(
                            "two journals unpublishable (topic limit lowered): retried; skipped + gap accepted",
                            stack,
                            load.journals(),
                            recovery)
                    .print()
                    .assertClean();
        }
    }

    /** A reflection the lowered limit refuses and a check-in behind it: their versions. */
    private static long[] refusedReflectionAndCheckIn(CommandHttp http, String journal) {
        String text = "€".repeat(4000);
        CommandHttp.Answer reflection = http.post(
                "/journals/" + journal + "/reflections", UUID.randomUUID().toString(), """
                        {"occurredOn":"2026-11-16","text":"%s","myPart":"%s","theirPart":"%s","lesson":"%s"}""".formatted(
                                text, text, text, text));
        assertThat(reflection.outcome().kind()).isEqualTo(Kind.ACCEPTED);
        CommandHttp.Answer behind = http.post(
                "/journals/" + journal + "/check-ins", UUID.randomUUID().toString(), "{\"mood\":4,\"connection\":4}");
        assertThat(behind.outcome().kind()).isEqualTo(Kind.ACCEPTED);
        return new long[] {
            reflection.body().get("version").asLong(),
            behind.body().get("version").asLong()
        };
    }

    /**
     * The refused event is left off Kafka for good on the command side; the query side then holds the check-in
     * behind the missing sequence until an operator accepts that gap there. Afterwards the check-in is in the views
     * exactly once, the reflection nowhere, and the journal's views say they are incomplete.
     */
    private void skipOnBothSides(String operator, String journal, long refused) throws Exception {
        HttpResponse<String> skip = post(
                Service.COMMAND,
                "/admin/parked-journals/" + journal + "/skip",
                operator,
                "{\"sequence\":" + refused + ",\"reason\":\"too large for the topic for good\"}");
        assertThat(skip.statusCode()).as(skip.body()).isEqualTo(200);
        assertThat(parkedJournals(operator)).isEmpty();
        String gap = "dead letter " + (refused + 1) + ": gap";
        await().atMost(Duration.ofSeconds(30)).until(() -> Layers.read(stack, List.of(journal))
                .setAside()
                .getOrDefault(journal, List.of())
                .contains(gap));
        assertThat(Layers.viewPositions(stack, List.of(journal))).containsEntry(journal, refused - 1);

        String acceptance =
                "{\"from\":%d,\"to\":%d,\"reason\":\"skipped on the command side\"}".formatted(refused, refused);
        HttpResponse<String> accepted =
                post(Service.QUERY, "/admin/journal-gaps/" + journal + "/accept", operator, acceptance);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(JSON.readTree(accepted.body()).get("stale").asBoolean()).isTrue();
        HttpResponse<String> repeated =
                post(Service.QUERY, "/admin/journal-gaps/" + journal + "/accept", operator, acceptance);
        assertThat(repeated.statusCode()).as(repeated.body()).isEqualTo(409);

        Recovery.measure(stack, Map.of(journal, refused + 1), System.nanoTime(), Duration.ofSeconds(30));
        Layers layers = Layers.read(stack, List.of(journal));
        List<Long> published = java.util.stream.LongStream.rangeClosed(0, refused + 1)
                .filter(n -> n != refused)
                .boxed()
                .toList();
        assertThat(layers.onKafka().get(journal))
                .as("on Kafka, once each, without the skipped one")
                .isEqualTo(published);
        assertThat(layers.inViews().get(journal)).as("in the views, once each").isEqualTo(published);
        assertThat(layers.timeline().get(journal))
                .as("the check-in; the reflection never arrived")
                .hasSize(1);
        try (var views = stack.connect("views");
                var stale = views.prepareStatement("select stale from journal_position where journal_id = ?::uuid")) {
            stale.setString(1, journal);
            try (var row = stale.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getBoolean(1)).as("stale for good").isTrue();
            }
        }
    }

    private JsonNode parkedJournals(String token) throws Exception {
        HttpResponse<String> answer = stack.http()
                .send(
                        HttpRequest.newBuilder(stack.url(Service.COMMAND).resolve("/admin/parked-journals"))
                                .header("Authorization", "Bearer " + token)
                                .timeout(Duration.ofSeconds(15))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private HttpResponse<String> post(Service service, String path, String token, String json) throws Exception {
        return stack.http()
                .send(
                        HttpRequest.newBuilder(stack.url(service).resolve(path))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .timeout(Duration.ofSeconds(90))
                                .POST(
                                        json == null
                                                ? HttpRequest.BodyPublishers.noBody()
                                                : HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    /** What an operator does with {@code kafka-configs.sh --alter}: the topic's own record limit. */
    private void topicLimit(int bytes) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, FaultStack.TOPIC);
            admin.incrementalAlterConfigs(Map.of(
                            topic,
                            List.of(new AlterConfigOp(
                                    new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(bytes)),
                                    AlterConfigOp.OpType.SET))))
                    .all()
                    .get();
        }
    }
}
