package app.rekindle.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.rekindle.launcher.EmbeddedStack;
import java.time.Duration;
import java.util.Map;

/**
 * A journal with a conversation and a planned date, opened with a person's token and seen by the query service:
 * the ids the shared walks fill their paths with ({journalId}, {entryId}, {dateId}, {slug}), as the services' own
 * walks get them.
 */
final class JournalWithEntries {

    private JournalWithEntries() {}

    static Map<String, String> openedBy(EmbeddedStack stack, String token) {
        Http commands = new Http(stack.commandUrl(), token);
        Http.Answer opened =
                commands.post("/journals", "{\"partnerName\":\"Sam\",\"intention\":\"Hold on\",\"timezone\":\"UTC\"}");
        assertThat(opened.status()).isEqualTo(201);
        String journalId = opened.body().get("journalId").asText();
        Http.Answer conversation = commands.post("/journals/" + journalId + "/conversations", """
                {"occurredAt":"2026-02-28T19:30:00Z","topic":"Evenings","initiatedBy":"ME","minutes":40,
                 "feltHeard":3,"listenedWell":4,"outcome":"PARTLY_RESOLVED","notes":"Calmer"}""");
        assertThat(conversation.status()).isEqualTo(201);
        Http.Answer date = commands.post(
                "/journals/" + journalId + "/dates",
                "{\"plannedFor\":\"2026-12-24T18:00:00Z\",\"idea\":\"Picnic\",\"kind\":\"RECREATED_MEMORY\"}");
        assertThat(date.status()).isEqualTo(201);
        long version = date.body().get("version").asLong();
        Http reads = new Http(stack.queryUrl(), token);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> reads.get("/journals/" + journalId + "/progress?minVersion=" + version)
                                .status()
                        == 200);
        return Map.of(
                "journalId",
                journalId,
                "entryId",
                conversation.body().get("entryId").asText(),
                "dateId",
                date.body().get("dateId").asText(),
                "slug",
                "communicate-openly");
    }
}
