package app.rekindle.command.idempotency;

import app.rekindle.command.access.JournalOwners;
import app.rekindle.command.journal.JournalRejection.JournalNotFound;
import app.rekindle.command.web.CommandAnswer;
import app.rekindle.command.web.CommandContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Idempotency for a batch whose items each carry their own key (offline sync): an item whose key was used before
 * with the same content answers its first answer again and is not decided again; a key used with other content
 * refuses the whole batch (422 naming the item). The other items are decided together, once, and their keys
 * claimed in the same transaction, as {@link IdempotentCommands} does for one command: every key of the batch is
 * claimed in one statement and every answer stored in one JDBC batch, so a batch costs two round trips for its keys
 * whatever its size. Keys are claimed in key order, so two batches sharing keys wait for each other instead of deadlocking.
 */
@Service
public class IdempotentItems {

    /** An item's key, and what it asks for: the same key with other content is a different request. */
    public record Item(String key, Object content) {}

    /** An item's answer, and whether it was given before (the item was not decided again). */
    public record Result(CommandAnswer answer, boolean replayed) {}

    private final IdempotentCommands commands;
    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final JsonMapper json;
    private final Clock clock;
    private final JournalOwners owners;

    IdempotentItems(
            IdempotentCommands commands,
            JdbcClient jdbc,
            JdbcTemplate batches,
            JsonMapper json,
            Clock clock,
            JournalOwners owners) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.batches = batches;
        this.json = json;
        this.clock = clock;
        this.owners = owners;
    }

    /**
     * @param items  with keys unique within the batch
     * @param decide given the indexes of the items not seen before, answers them in that order
     */
    public List<Result> run(
            CommandContext context,
            UUID journalId,
            List<Item> items,
            Function<List<Integer>, List<CommandAnswer>> decide) {
        return commands.inTransaction(() -> once(context, journalId, items, decide));
    }

    private List<Result> once(
            CommandContext context,
            UUID journalId,
            List<Item> items,
            Function<List<Integer>, List<CommandAnswer>> decide) {
        List<Map<String, String>> claims = items.stream()
                .map(item -> Map.of(
                        "key",
                        item.key(),
                        "fingerprint",
                        IdempotentCommands.fingerprint(json, context, item.content())))
                .toList();
        Set<String> claimed = new HashSet<>(jdbc.sql("""
                        INSERT INTO idempotency_record
                            (owner_id, idempotency_key, request_fingerprint, status, body, created_at)
                        SELECT :owner, claim.key, claim.fingerprint, 0, NULL, :now
                        FROM jsonb_to_recordset(CAST(:claims AS jsonb)) AS claim(key text, fingerprint text)
                        ORDER BY claim.key
                        ON CONFLICT (owner_id, idempotency_key) DO NOTHING
                        RETURNING idempotency_key""")
                .param("owner", context.person())
                .param("now", Timestamp.from(clock.instant()))
                .param("claims", json.writeValueAsString(claims))
                .query(String.class)
                .list());
        Map<String, StoredAnswer> earlier = claimed.size() == items.size() ? Map.of() : earlier(context, items);
        Result[] results = new Result[items.size()];
        List<Integer> fresh = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String key = items.get(i).key();
            if (claimed.contains(key)) {
                fresh.add(i);
                continue;
            }
            StoredAnswer stored = earlier.get(key);
            if (!stored.fingerprint().equals(claims.get(i).get("fingerprint"))) {
                throw new IdempotencyKeyReused(i);
            }
            results[i] = new Result(json.readValue(stored.body(), CommandAnswer.class), true);
        }
        if (fresh.isEmpty()) {
            // Nothing is decided, so nothing else would notice that the journal was erased since (docs/privacy.md).
            if (!owners.stillTheirs(journalId, context.person())) {
                throw new JournalNotFound();
            }
            return Arrays.asList(results);
        }
        List<CommandAnswer> answers = decide.apply(fresh);
        List<Object[]> stored = new ArrayList<>(fresh.size());
        for (int j = 0; j < fresh.size(); j++) {
            results[fresh.get(j)] = new Result(answers.get(j), false);
            stored.add(new Object[] {
                answers.get(j).status(),
                json.writeValueAsString(answers.get(j)),
                context.person(),
                items.get(fresh.get(j)).key()
            });
        }
        // One update per key, sent as one JDBC batch (one round trip): each finds its record by the primary key. A
        // single UPDATE joining the answers let the planner hash-join every record of the owner's, a cost that grew
        // with every key they ever used.
        batches.batchUpdate(
                "UPDATE idempotency_record SET status = ?, body = ? WHERE owner_id = ? AND idempotency_key = ?",
                stored);
        return Arrays.asList(results);
    }

    private Map<String, StoredAnswer> earlier(CommandContext context, List<Item> items) {
        Map<String, StoredAnswer> earlier = new HashMap<>();
        jdbc.sql("SELECT idempotency_key, request_fingerprint, body FROM idempotency_record"
                        + " WHERE owner_id = :owner AND idempotency_key IN (:keys)")
                .param("owner", context.person())
                .param("keys", items.stream().map(Item::key).toList())
                .query(rs -> {
                    earlier.put(rs.getString(1), new StoredAnswer(rs.getString(2), rs.getString(3)));
                });
        return earlier;
    }

    private record StoredAnswer(String fingerprint, String body) {}
}
