package app.rekindle.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import java.util.function.LongSupplier;
import tools.jackson.databind.JsonNode;

/** Sends a write twice with one Idempotency-Key: the same answer, and the retry records nothing. */
final class RetriedTwice {

    private final Api api;
    private final String token;
    private final LongSupplier allEvents;
    private final Set<String> exercised;

    RetriedTwice(Api api, String token, LongSupplier allEvents, Set<String> exercised) {
        this.api = api;
        this.token = token;
        this.allEvents = allEvents;
        this.exercised = exercised;
    }

    /** Answers the first answer; records "METHOD template" as exercised. */
    Api.Response once(String method, String path, String template, String body) {
        String key = UUID.randomUUID().toString();
        String what = method + " " + template;
        long before = allEvents.getAsLong();
        Api.Response first = api.send(method, path, token, body, "Idempotency-Key", key);
        long after = allEvents.getAsLong();
        Api.Response retry = api.send(method, path, token, body, "Idempotency-Key", key);
        assertThat(first.status()).as(what).isBetween(200, 201);
        assertThat(retry.status()).as(what).isEqualTo(first.status());
        assertThat(retry.body()).as(what).isEqualTo(first.body());
        assertThat(retry.location()).as(what).isEqualTo(first.location());
        assertThat(allEvents.getAsLong()).as(what + " recorded again").isEqualTo(after);
        assertThat(after).as(what + " recorded nothing").isGreaterThan(before);
        exercised.add(what);
        return first;
    }

    /**
     * A batch: each item carries its own key, so the batch is simply sent again. Every item answers as before,
     * marked as a replay, and nothing is recorded again.
     */
    Api.Response batchedTwice(String path, String template, String body) {
        String what = "POST " + template;
        long before = allEvents.getAsLong();
        Api.Response first = api.post(path, token, body);
        long after = allEvents.getAsLong();
        Api.Response retry = api.post(path, token, body);
        assertThat(first.status()).as(what).isEqualTo(200);
        assertThat(retry.status()).as(what).isEqualTo(200);
        for (int i = 0; i < first.body().get("items").size(); i++) {
            JsonNode firstItem = first.body().get("items").get(i);
            JsonNode retriedItem = retry.body().get("items").get(i);
            assertThat(retriedItem.get("entryId")).as(what).isEqualTo(firstItem.get("entryId"));
            assertThat(retriedItem.get("version")).as(what).isEqualTo(firstItem.get("version"));
            assertThat(retriedItem.get("replayed").asBoolean())
                    .as(what + " replayed")
                    .isTrue();
        }
        assertThat(allEvents.getAsLong()).as(what + " recorded again").isEqualTo(after);
        assertThat(after).as(what + " recorded nothing").isGreaterThan(before);
        exercised.add(what);
        return first;
    }

    /**
     * The erasure: after it the journal answers 404 to everything, its own retried erasure included
     * (docs/privacy.md); the retry records nothing.
     */
    void erasing(String path, String template) {
        String key = UUID.randomUUID().toString();
        String what = "DELETE " + template;
        Api.Response first = api.send("DELETE", path, token, null, "Idempotency-Key", key);
        long after = allEvents.getAsLong();
        Api.Response retry = api.send("DELETE", path, token, null, "Idempotency-Key", key);
        assertThat(first.status()).as(what).isEqualTo(200);
        assertThat(retry.status()).as(what + " retried").isEqualTo(404);
        assertThat(retry.body().get("type").asString())
                .as(what + " retried")
                .isEqualTo("https://rekindle.app/problems/journal-not-found");
        assertThat(allEvents.getAsLong()).as(what + " recorded again").isEqualTo(after);
        exercised.add(what);
    }
}
