package app.rekindle.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every write the API describes is safe to retry with an Idempotency-Key, and concurrent writers against one
 * version of a journal: exactly one wins.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SafeRetriesTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestEnvironment.register(registry, "retries");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final String alice = Api.tokenFor("alice-retries");

    @Test
    void every_described_write_sent_twice_with_one_key_answers_alike_and_records_once() {
        Api api = new Api(port);
        Set<String> exercised = new TreeSet<>();
        RetriedTwice journey = new RetriedTwice(api, alice, this::allEvents, exercised);
        String journal = journey.once(
                        "POST",
                        "/journals",
                        "/journals",
                        "{\"partnerName\":\"Sam\",\"intention\":\"Again\",\"timezone\":\"UTC\"}")
                .body()
                .get("journalId")
                .asString();
        String j = "/journals/" + journal;
        String t = "/journals/{journalId}";
        journey.once("POST", j + "/steps/rekindle-romance/start", t + "/steps/{slug}/start", null);
        String entry = journey.once("POST", j + "/conversations", t + "/conversations", Api.conversation(3))
                .body()
                .get("entryId")
                .asString();
        journey.once(
                "POST",
                j + "/reflections",
                t + "/reflections",
                "{\"occurredOn\":\"2026-02-20\",\"text\":\"I withdrew\"}");
        journey.once(
                "POST",
                j + "/gestures",
                t + "/gestures",
                "{\"occurredAt\":\"2026-02-28T08:00:00Z\",\"kind\":\"OTHER\"}");
        journey.once(
                "POST",
                j + "/activities",
                t + "/activities",
                "{\"occurredAt\":\"2026-02-28T20:00:00Z\",\"activity\":\"Cards\",\"laughedTogether\":true}");
        journey.once(
                "POST",
                j + "/personal-time",
                t + "/personal-time",
                "{\"occurredAt\":\"2026-02-28T17:00:00Z\",\"whose\":\"MINE\",\"pursuit\":\"Climbing\",\"minutes\":90}");
        journey.once("POST", j + "/check-ins", t + "/check-ins", "{\"mood\":4,\"connection\":4}");
        String date = "{\"plannedFor\":\"2026-12-24T18:00:00Z\",\"idea\":\"Picnic\",\"kind\":\"CLASSIC\"}";
        String happened = journey.once("POST", j + "/dates", t + "/dates", date)
                .body()
                .get("dateId")
                .asString();
        String cancelled =
                api.post(j + "/dates", alice, date).body().get("dateId").asString();
        journey.once("POST", j + "/dates/" + happened + "/happened", t + "/dates/{dateId}/happened", "{\"rating\":5}");
        journey.once(
                "POST",
                j + "/dates/" + cancelled + "/cancellation",
                t + "/dates/{dateId}/cancellation",
                "{\"reason\":\"Ill\"}");
        journey.once("POST", j + "/steps/communicate-openly/completion", t + "/steps/{slug}/completion", "{}");
        journey.once(
                "POST",
                j + "/steps/communicate-openly/reopening",
                t + "/steps/{slug}/reopening",
                "{\"reason\":\"Again\"}");
        journey.once(
                "POST",
                j + "/entries/" + entry + "/amendment",
                t + "/entries/{entryId}/amendment",
                "{\"changes\":{\"feltHeard\":5}}");
        journey.once("DELETE", j + "/entries/" + entry, t + "/entries/{entryId}", null);
        journey.batchedTwice(
                j + "/batches",
                t + "/batches",
                "{\"items\":["
                        + IntStream.range(0, 2)
                                .mapToObj(i -> "{\"type\":\"check-in\",\"idempotencyKey\":\"" + UUID.randomUUID()
                                        + "\",\"entryId\":\"" + UUID.randomUUID()
                                        + "\",\"body\":{\"mood\":3,\"connection\":3}}")
                                .collect(Collectors.joining(","))
                        + "]}");
        journey.once("POST", j + "/closure", t + "/closure", "{\"outcome\":\"PAUSED\"}");
        journey.once("POST", "/journals/import", "/journals/import", ExportDocument.of("alice-retries"));
        journey.erasing(j, t);

        assertThat(exercised).containsAll(describedWrites(api));
    }

    @Test
    void concurrent_writers_with_the_same_if_match_version_one_wins_the_rest_get_409() throws Exception {
        Api api = new Api(port);
        String journalId = api.openJournal(alice);
        int clients = 8;
        List<Callable<Api.Response>> writers = IntStream.range(0, clients)
                .<Callable<Api.Response>>mapToObj(i -> () -> api.post(
                        "/journals/" + journalId + "/check-ins",
                        alice,
                        "{\"mood\":" + (i % 5 + 1) + ",\"connection\":3}",
                        "If-Match",
                        "\"0\""))
                .toList();
        List<Api.Response> answers = all(writers);

        assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(1);
        assertThat(answers)
                .filteredOn(a -> a.status() == 409)
                .hasSize(clients - 1)
                .allSatisfy(a -> assertThat(a.contentType()).startsWith("application/problem+json"));
        assertThat(eventCount(journalId)).isEqualTo(2);
    }

    @Test
    void concurrent_retries_of_one_step_transition_record_it_once() throws Exception {
        Api api = new Api(port);
        String journalId = api.openJournal(alice);
        String key = UUID.randomUUID().toString();
        List<Callable<Api.Response>> retries = IntStream.range(0, 8)
                .<Callable<Api.Response>>mapToObj(i -> () -> api.post(
                        "/journals/" + journalId + "/steps/reflect-on-the-past/start",
                        alice,
                        null,
                        "Idempotency-Key",
                        key))
                .toList();
        List<Api.Response> answers = all(retries);

        assertThat(answers).extracting(Api.Response::status).containsOnly(200);
        assertThat(answers)
                .extracting(Api.Response::body)
                .containsOnly(answers.getFirst().body());
        assertThat(eventCount(journalId)).isEqualTo(2);
    }

    private static Set<String> describedWrites(Api api) {
        Set<String> writes = new TreeSet<>();
        api.get("/v3/api-docs", null)
                .body()
                .get("paths")
                .properties()
                .forEach(path -> path.getValue().propertyNames().stream()
                        .filter(m -> !m.equals("get"))
                        .forEach(m -> writes.add(m.toUpperCase() + " " + path.getKey())));
        // Operator commands take no Idempotency-Key: a retry re-sends what Kafka already has (harmless), and a skip
        // names the sequence it drops, so a repeated one drops nothing more (ParkedPublishingIntegrationTest).
        writes.removeIf(write -> write.contains(" /admin/"));
        return writes;
    }

    private static List<Api.Response> all(List<Callable<Api.Response>> calls) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(calls.size())) {
            List<Api.Response> answers = new ArrayList<>();
            for (Future<Api.Response> future : pool.invokeAll(calls)) {
                answers.add(future.get());
            }
            return answers;
        }
    }

    private long allEvents() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry")
                .query(Long.class)
                .single();
    }

    private long eventCount(String journalId) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(journalId)
                .query(Long.class)
                .single();
    }
}
