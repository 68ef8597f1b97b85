package app.rekindle.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Every command with free text, each text a unique marker ({@code <marker>-<field>}), and bad requests that
 * carry markers where services are tempted to log them: unknown fields, over-long and unclean text,
 * malformed JSON, a broken import.
 */
final class LeakScenario {

    record Journal(String id, long version) {}

    private final Http http;
    private final String m;

    LeakScenario(Http http, String marker) {
        this.http = http;
        this.m = marker;
    }

    Journal run() {
        String id = ok(http.post(
                        "/journals",
                        "{\"partnerName\":\"" + m + "-partner\",\"intention\":\"" + m
                                + "-intention\",\"timezone\":\"UTC\"}"))
                .get("journalId")
                .asText();
        String j = "/journals/" + id;
        ok(http.post(
                j + "/reflections",
                "{\"occurredOn\":\"2026-02-20\",\"text\":\"" + m + "-text\",\"myPart\":\"" + m
                        + "-mine\",\"theirPart\":\"" + m + "-theirs\",\"lesson\":\"" + m + "-lesson\"}"));
        String talk = ok(http.post(
                        j + "/conversations",
                        "{\"occurredAt\":\"2026-02-28T19:30:00Z\",\"topic\":\"" + m
                                + "-topic\",\"initiatedBy\":\"ME\",\"minutes\":40,\"feltHeard\":4,\"listenedWell\":4,"
                                + "\"outcome\":\"RESOLVED\",\"notes\":\"" + m + "-notes\"}"))
                .get("entryId")
                .asText();
        ok(http.post(
                j + "/gestures",
                "{\"occurredAt\":\"2026-02-28T08:00:00Z\",\"kind\":\"OTHER\",\"description\":\"" + m + "-gesture\"}"));
        String date = "{\"plannedFor\":\"2026-12-24T18:00:00Z\",\"idea\":\"" + m + "-idea\",\"kind\":\"CLASSIC\"}";
        String happened = ok(http.post(j + "/dates", date)).get("dateId").asText();
        String cancelled = ok(http.post(j + "/dates", date)).get("dateId").asText();
        ok(http.post(j + "/dates/" + happened + "/happened", "{\"rating\":5,\"memory\":\"" + m + "-memory\"}"));
        ok(http.post(j + "/dates/" + cancelled + "/cancellation", "{\"reason\":\"" + m + "-cancelled\"}"));
        ok(http.post(
                j + "/activities",
                "{\"occurredAt\":\"2026-02-28T20:00:00Z\",\"activity\":\"" + m
                        + "-activity\",\"laughedTogether\":true,\"newMemory\":\"" + m + "-newmemory\"}"));
        ok(http.post(
                j + "/personal-time",
                "{\"occurredAt\":\"2026-02-28T17:00:00Z\",\"whose\":\"MINE\",\"pursuit\":\"" + m
                        + "-pursuit\",\"minutes\":90}"));
        ok(http.post(j + "/check-ins", "{\"mood\":4,\"connection\":4,\"note\":\"" + m + "-note\"}"));
        ok(http.post(j + "/steps/communicate-openly/completion", "{\"summary\":\"" + m + "-summary\"}"));
        ok(http.post(j + "/steps/communicate-openly/reopening", "{\"reason\":\"" + m + "-reopened\"}"));
        ok(http.post(
                j + "/entries/" + talk + "/amendment",
                "{\"changes\":{\"notes\":\"" + m + "-amended\"}," + "\"reason\":\"" + m + "-amendreason\"}"));
        ok(http.delete(
                j + "/entries/" + talk + "?reason=" + URLEncoder.encode(m + "-retracted", StandardCharsets.UTF_8)));
        long version = ok(http.post(j + "/closure", "{\"outcome\":\"PAUSED\",\"note\":\"" + m + "-closing\"}"))
                .get("version")
                .asLong();
        refused(http.post(j + "/check-ins", "{\"mood\":4,\"connection\":4,\"secret\":\"" + m + "-unknown\"}"));
        refused(http.post(
                j + "/check-ins", "{\"mood\":4,\"connection\":4,\"note\":\"" + m + "-long" + "x".repeat(5000) + "\"}"));
        refused(http.post(j + "/check-ins", "{\"mood\":4,\"connection\":4,\"note\":\"" + m + "-ctrl\\u0000\"}"));
        refused(http.post(j + "/check-ins", "{\"mood\":\"" + m + "-mood\",\"connection\":4}"));
        refused(http.post(j + "/check-ins", "{\"mood\":4,\"note\":\"" + m + "-broken"));
        refused(http.post("/journals/import", "{\"format\":\"" + m + "-format\",\"events\":[]}"));
        return new Journal(id, version);
    }

    private static JsonNode ok(Http.Answer answer) {
        assertThat(answer.status()).as(answer.body().toString()).isBetween(200, 201);
        return answer.body();
    }

    private void refused(Http.Answer answer) {
        assertThat(answer.status()).isBetween(400, 499);
        assertThat(answer.body().toString()).doesNotContain(m);
    }
}
