package app.rekindle.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Offline sync: POST /journals/{id}/batches records all items in one append or none, each with its own key. */
class BatchIntegrationTest extends RunningCommandService {

    private final String alice = Api.tokenFor("alice");

    @Test
    void a_batch_records_every_item_and_answers_each_in_order() {
        String journalId = api.openJournal(alice);
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String date = UUID.randomUUID().toString();

        Api.Response answer =
                batch(journalId, checkIn(key(), first, 4), conversation(key(), second), date(key(), date));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("journalId").asString()).isEqualTo(journalId);
        JsonNode items = answer.body().get("items");
        assertThat(items).hasSize(3);
        assertThat(items.get(0).get("entryId").asString()).isEqualTo(first);
        assertThat(items.get(1).get("entryId").asString()).isEqualTo(second);
        assertThat(items.get(2).get("entryId").asString()).isEqualTo(date);
        // check-in (1), conversation with its step's start (2, 3), date with its step's start (4, 5)
        assertThat(items).extracting(item -> item.get("version").asLong()).containsExactly(1L, 3L, 5L);
        assertThat(items).extracting(item -> item.get("replayed").asBoolean()).containsOnly(false);
        assertThat(eventCount(journalId)).isEqualTo(6);
    }

    @Test
    void a_batch_sent_again_answers_every_item_as_a_replay_and_records_nothing_more() {
        String journalId = api.openJournal(alice);
        String[] items = {
            checkIn(key(), UUID.randomUUID().toString(), 4),
            checkIn(key(), UUID.randomUUID().toString(), 5)
        };
        Api.Response first = batch(journalId, items);
        String third = checkIn(key(), UUID.randomUUID().toString(), 3);

        Api.Response again = batch(journalId, items[0], items[1], third);

        assertThat(again.status()).isEqualTo(200);
        for (int i = 0; i < 2; i++) {
            assertThat(again.body().get("items").get(i).get("entryId"))
                    .isEqualTo(first.body().get("items").get(i).get("entryId"));
            assertThat(again.body().get("items").get(i).get("version"))
                    .isEqualTo(first.body().get("items").get(i).get("version"));
            assertThat(again.body().get("items").get(i).get("replayed").asBoolean())
                    .isTrue();
        }
        assertThat(again.body().get("items").get(2).get("replayed").asBoolean()).isFalse();
        assertThat(again.body().get("items").get(2).get("version").asLong()).isEqualTo(3);
        assertThat(eventCount(journalId)).isEqualTo(4);
    }

    @Test
    void a_key_used_before_with_other_content_refuses_the_whole_batch_naming_the_item() {
        String journalId = api.openJournal(alice);
        String reused = key();
        batch(journalId, checkIn(reused, UUID.randomUUID().toString(), 4));

        Api.Response refused = batch(
                journalId,
                checkIn(key(), UUID.randomUUID().toString(), 4),
                checkIn(reused, UUID.randomUUID().toString(), 2));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("type").asString()).endsWith("/idempotency-key-reused");
        assertThat(refused.body().get("item").asInt()).isEqualTo(1);
        assertThat(eventCount(journalId)).isEqualTo(2);
    }

    @Test
    void an_item_the_journal_rejects_records_nothing_of_the_batch_and_names_the_item_and_field() {
        String journalId = api.openJournal(alice);
        String good = checkIn(key(), UUID.randomUUID().toString(), 4);
        // Only the journal knows the time window: a check-in a year ahead passes binding and fails in the aggregate.
        String future = item(
                "check-in",
                key(),
                UUID.randomUUID().toString(),
                "{\"mood\":4,\"connection\":3,\"occurredAt\":\"2099-01-01T00:00:00Z\"}");

        Api.Response refused = batch(journalId, good, future);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("errors").get(0).get("field").asString()).isEqualTo("items[1].body.occurredAt");
        assertThat(refused.body().get("errors").get(0).get("rule").asString()).isEqualTo("window");
        assertThat(refused.body().get("item").asInt()).isEqualTo(1);
        assertThat(eventCount(journalId)).isEqualTo(1);
        // Nothing was claimed either: the good item, sent again on its own, is decided now, not replayed.
        Api.Response retried = batch(journalId, good);
        assertThat(retried.body().get("items").get(0).get("replayed").asBoolean())
                .isFalse();
        assertThat(eventCount(journalId)).isEqualTo(2);
    }

    @Test
    void an_item_breaking_a_body_rule_is_a_400_naming_its_path_in_the_batch() {
        String journalId = api.openJournal(alice);

        Api.Response refused = batch(
                journalId,
                checkIn(key(), UUID.randomUUID().toString(), 4),
                checkIn(key(), UUID.randomUUID().toString(), 9));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("errors").get(0).get("field").asString()).isEqualTo("items[1].body.mood");
        assertThat(refused.body().get("errors").get(0).get("rule").asString()).isEqualTo("range");
        assertThat(eventCount(journalId)).isEqualTo(1);
    }

    @Test
    void an_unknown_type_and_a_repeated_key_are_400s_naming_the_item() {
        String journalId = api.openJournal(alice);
        String key = key();

        Api.Response unknown =
                batch(journalId, item("juggling", key(), UUID.randomUUID().toString(), "{}"));
        Api.Response repeated = batch(
                journalId,
                checkIn(key, UUID.randomUUID().toString(), 4),
                checkIn(key, UUID.randomUUID().toString(), 4));

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("errors").get(0).get("field").asString()).startsWith("items[0]");
        assertThat(repeated.status()).isEqualTo(400);
        assertThat(repeated.body().get("errors").get(0).get("field").asString()).isEqualTo("items[1].idempotencyKey");
        assertThat(eventCount(journalId)).isEqualTo(1);
    }

    @Test
    void an_entry_id_the_journal_already_has_is_the_entry_already_exists_rejection_naming_the_item() {
        String journalId = api.openJournal(alice);
        String taken = UUID.randomUUID().toString();
        batch(journalId, checkIn(key(), taken, 4));

        Api.Response refused =
                batch(journalId, checkIn(key(), UUID.randomUUID().toString(), 4), checkIn(key(), taken, 5));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("type").asString()).endsWith("/entry-already-exists");
        assertThat(refused.body().get("item").asInt()).isEqualTo(1);
        assertThat(eventCount(journalId)).isEqualTo(2);
    }

    @Test
    void an_entry_id_someone_elses_journal_has_is_taken_like_any_fresh_id_and_corrected_only_in_its_own_journal() {
        String alicesJournal = api.openJournal(alice);
        String shared = UUID.randomUUID().toString();
        batch(alicesJournal, checkIn(key(), shared, 4));
        String bob = Api.tokenFor("bob");
        String bobsJournal = api.openJournal(bob);

        // Refusing the id would tell Bob that someone's entry has it: entry ids are unique per journal only.
        Api.Response taken = batchAs(bob, bobsJournal, checkIn(key(), shared, 2));
        String bobsEntry = "/journals/" + bobsJournal + "/entries/" + shared;
        Api.Response amended = api.post(bobsEntry + "/amendment", bob, "{\"changes\":{\"mood\":3},\"reason\":\"r\"}");
        Api.Response retracted = api.delete(bobsEntry + "?reason=mine", bob);

        assertThat(taken.status()).isEqualTo(200);
        assertThat(taken.body().get("items").get(0).get("entryId").asString()).isEqualTo(shared);
        assertThat(amended.status()).isEqualTo(200);
        assertThat(retracted.status()).isEqualTo(200);
        assertThat(eventCount(bobsJournal)).isEqualTo(4);
        assertThat(eventCount(alicesJournal)).isEqualTo(2);
        // Alice's entry is neither amended nor retracted: she can still retract it herself.
        assertThat(api.delete("/journals/" + alicesJournal + "/entries/" + shared + "?reason=mine", alice)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void a_batch_of_100_items_is_taken_and_one_of_101_is_refused() {
        String journalId = api.openJournal(alice);
        String[] hundred = IntStream.range(0, 100)
                .mapToObj(i -> checkIn(key(), UUID.randomUUID().toString(), 3))
                .toArray(String[]::new);
        String[] tooMany = IntStream.range(0, 101)
                .mapToObj(i -> checkIn(key(), UUID.randomUUID().toString(), 3))
                .toArray(String[]::new);

        Api.Response taken = batch(journalId, hundred);
        Api.Response refused = batch(journalId, tooMany);
        Api.Response empty = batch(journalId);

        assertThat(taken.status()).isEqualTo(200);
        assertThat(taken.body().get("items").get(99).get("version").asLong()).isEqualTo(100);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("errors").get(0).get("field").asString()).isEqualTo("items");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(eventCount(journalId)).isEqualTo(101);
    }

    @Test
    void a_batch_larger_than_any_command_body_is_refused_before_it_is_read() {
        String journalId = api.openJournal(alice);
        String notes = "n".repeat(3000);
        String[] large = IntStream.range(0, 100)
                .mapToObj(i -> item(
                        "check-in",
                        key(),
                        UUID.randomUUID().toString(),
                        "{\"mood\":3,\"connection\":3,\"note\":\"" + notes + "\"}"))
                .toArray(String[]::new);

        Api.Response refused = batch(journalId, large);

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.body().get("errors").get(0).get("field").asString()).isEqualTo("body");
        assertThat(eventCount(journalId)).isEqualTo(1);
    }

    @Test
    void a_batch_on_someone_elses_journal_answers_like_one_on_a_missing_journal() {
        String journalId = api.openJournal(alice);
        String mallory = Api.tokenFor("mallory");

        Api.Response foreign =
                batchAs(mallory, journalId, checkIn(key(), UUID.randomUUID().toString(), 4));
        Api.Response missing = batchAs(
                mallory,
                UUID.randomUUID().toString(),
                checkIn(key(), UUID.randomUUID().toString(), 4));

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(withoutInstance(foreign)).isEqualTo(withoutInstance(missing));
        assertThat(eventCount(journalId)).isEqualTo(1);
    }

    @Test
    void a_batch_based_on_a_stale_version_is_refused_whole() {
        String journalId = api.openJournal(alice);
        batch(journalId, checkIn(key(), UUID.randomUUID().toString(), 4));

        Api.Response stale = api.post(
                "/journals/" + journalId + "/batches",
                alice,
                body(checkIn(key(), UUID.randomUUID().toString(), 4)),
                "If-Match",
                "\"0\"");
        Api.Response current = api.post(
                "/journals/" + journalId + "/batches",
                alice,
                body(checkIn(key(), UUID.randomUUID().toString(), 4)),
                "If-Match",
                "\"1\"");

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body().get("type").asString()).endsWith("/version-conflict");
        assertThat(current.status()).isEqualTo(200);
        assertThat(eventCount(journalId)).isEqualTo(3);
    }

    private Api.Response batch(String journalId, String... items) {
        return batchAs(alice, journalId, items);
    }

    private Api.Response batchAs(String token, String journalId, String... items) {
        return api.post("/journals/" + journalId + "/batches", token, body(items));
    }

    private static String body(String... items) {
        return "{\"items\":[" + String.join(",", List.of(items)) + "]}";
    }

    private static String item(String type, String key, String entryId, String body) {
        return "{\"type\":\"" + type + "\",\"idempotencyKey\":\"" + key + "\",\"entryId\":\"" + entryId + "\",\"body\":"
                + body + "}";
    }

    private static String checkIn(String key, String entryId, int mood) {
        return item("check-in", key, entryId, "{\"mood\":" + mood + ",\"connection\":3}");
    }

    private static String conversation(String key, String entryId) {
        return item("conversation", key, entryId, Api.conversation(4));
    }

    private static String date(String key, String entryId) {
        return item(
                "date",
                key,
                entryId,
                "{\"plannedFor\":\"2026-12-24T18:00:00Z\",\"idea\":\"Picnic\",\"kind\":\"RECREATED_MEMORY\"}");
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    /** The problem as it would be for any journal id: {@code instance} names the path. */
    private static JsonNode withoutInstance(Api.Response response) {
        ObjectNode problem = (ObjectNode) response.body().deepCopy();
        problem.remove("instance");
        return problem;
    }

    private long eventCount(String journalId) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(journalId)
                .query(Long.class)
                .single();
    }
}
