package app.rekindle.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.rekindle.launcher.EmbeddedStack;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A phone syncs entries it logged offline as one batch: the entries reach the query service's views like any
 * others, and the same batch sent again (the answer was lost) adds nothing there.
 */
class OfflineSyncTest {

    private final EmbeddedStack stack = RunningStack.get();
    private final String token = Http.tokenFor(stack, "dana-offline");
    private final Http commands = new Http(stack.commandUrl(), token);
    private final Http reads = new Http(stack.queryUrl(), token);

    @Test
    void a_synced_batch_reaches_the_timeline_once_however_often_it_is_sent() {
        String journal = "/journals/"
                + commands.post(
                                "/journals",
                                "{\"partnerName\":\"Kim\",\"intention\":\"Keep in touch\",\"timezone\":\"UTC\"}")
                        .body()
                        .get("journalId")
                        .asText();
        List<String> entryIds = List.of(
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString());
        String batch = "{\"items\":["
                + item("check-in", entryIds.get(0), "{\"mood\":4,\"connection\":3}") + ","
                + item("conversation", entryIds.get(1), """
                        {"occurredAt":"2026-02-28T19:30:00Z","topic":"The weekend","initiatedBy":"PARTNER",
                         "minutes":25,"feltHeard":4,"listenedWell":5,"outcome":"RESOLVED"}""") + ","
                + item(
                        "gesture",
                        entryIds.get(2),
                        "{\"occurredAt\":\"2026-03-01T08:00:00Z\",\"kind\":\"ASKED_ABOUT_DAY\"}")
                + "]}";

        Http.Answer synced = commands.post(journal + "/batches", batch);
        Http.Answer again = commands.post(journal + "/batches", batch);

        assertThat(synced.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("items").findValuesAsText("replayed")).containsOnly("true");
        long version = synced.body().get("items").get(2).get("version").asLong();
        Http.Answer timeline = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> reads.get(journal + "/timeline?limit=100&minVersion=" + version),
                        answer -> answer.status() == 200);
        assertThat(timeline.body().get("entries").findValuesAsText("entryId"))
                .containsExactlyInAnyOrderElementsOf(entryIds);
    }

    private static String item(String type, String entryId, String body) {
        return "{\"type\":\"" + type + "\",\"idempotencyKey\":\"sync-" + entryId + "\",\"entryId\":\"" + entryId
                + "\",\"body\":" + body + "}";
    }
}
