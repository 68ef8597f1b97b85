package app.rekindle.command.idempotency;

import app.rekindle.command.access.JournalOwners;
import app.rekindle.command.journal.JournalRejection.JournalNotFound;
import app.rekindle.command.journal.JournalRejection.StaleVersion;
import app.rekindle.command.web.CommandAnswer;
import app.rekindle.command.web.CommandContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a command at most once per Idempotency-Key and person. The key is claimed by inserting its row first,
 * in the same transaction in which Axon appends the command's events (Axon joins the Spring transaction): a
 * concurrent duplicate blocks on the primary key until the first commits, then finds and returns its answer.
 * A rejected command rolls back the claim too, so a retry is decided afresh. A command that lost a race for the
 * journal's next sequence number (another request, or another instance whose append this instance's cached
 * journal had not seen) is decided again, on the journal as stored, in a new transaction; so is one whose
 * If-Match did not match, once, as the mismatch may have been with a cached copy that was behind. A replay
 * about a journal that has since been erased answers 404 like any other request about it; the keys' rows stay
 * (they hold ids and versions only), so a retried "open" cannot open a second journal.
 */
@Service
public class IdempotentCommands {

    /** Attempts at a command that keeps losing the race for its journal's next sequence number. */
    static final int ATTEMPTS = 3;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final JournalOwners owners;

    IdempotentCommands(
            JdbcClient jdbc, JsonMapper json, Clock clock, TransactionTemplate transaction, JournalOwners owners) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.transaction = transaction;
        this.owners = owners;
    }

    public ResponseEntity<Object> run(CommandContext context, Object request, Supplier<CommandAnswer> command) {
        return inTransaction(() -> once(context, request, command));
    }

    /** Runs {@code once} in a transaction, again in a new one after a lost race or a stale cached journal. */
    <T> T inTransaction(Supplier<T> once) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> once.get());
            } catch (ConcurrencyException | StaleVersion conflict) {
                // The failed unit of work evicted the cached journal, so the next attempt loads it as stored.
                // Past the last attempt (for If-Match, the first retry) the conflict is the client's: 409.
                if (attempt == ATTEMPTS || conflict instanceof StaleVersion && attempt == 2) {
                    throw conflict;
                }
            }
        }
    }

    private ResponseEntity<Object> once(CommandContext context, Object request, Supplier<CommandAnswer> command) {
        if (context.idempotencyKey() == null) {
            return command.get().toResponse();
        }
        String fingerprint = fingerprint(json, context, request);
        int claimed = jdbc.sql("""
                        INSERT INTO idempotency_record
                            (owner_id, idempotency_key, request_fingerprint, status, body, created_at)
                        VALUES (:owner, :key, :fingerprint, 0, NULL, :now)
                        ON CONFLICT (owner_id, idempotency_key) DO NOTHING""")
                .param("owner", context.person())
                .param("key", context.idempotencyKey())
                .param("fingerprint", fingerprint)
                .param("now", Timestamp.from(clock.instant()))
                .update();
        if (claimed == 0) {
            return replay(context, fingerprint);
        }
        CommandAnswer answer = command.get();
        jdbc.sql("UPDATE idempotency_record SET status = :status, body = :body"
                        + " WHERE owner_id = :owner AND idempotency_key = :key")
                .param("status", answer.status())
                .param("body", json.writeValueAsString(answer))
                .param("owner", context.person())
                .param("key", context.idempotencyKey())
                .update();
        return answer.toResponse();
    }

    private ResponseEntity<Object> replay(CommandContext context, String fingerprint) {
        StoredAnswer stored = jdbc.sql("SELECT request_fingerprint, body FROM idempotency_record"
                        + " WHERE owner_id = :owner AND idempotency_key = :key")
                .param("owner", context.person())
                .param("key", context.idempotencyKey())
                .query((rs, row) -> new StoredAnswer(rs.getString(1), rs.getString(2)))
                .single();
        if (!stored.fingerprint().equals(fingerprint)) {
            throw new IdempotencyKeyReused();
        }
        CommandAnswer answer = json.readValue(stored.body(), CommandAnswer.class);
        // An erased journal answers 404 to everything, its earlier answers included (docs/privacy.md).
        if (answer.body().get("journalId") instanceof String journalId
                && !owners.stillTheirs(UUID.fromString(journalId), context.person())) {
            throw new JournalNotFound();
        }
        return answer.toResponse();
    }

    /** Method, path and body: the same key on another journal or with other content is a different request. */
    static String fingerprint(JsonMapper json, CommandContext context, Object request) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((context.method() + " " + context.path() + "\n").getBytes(StandardCharsets.UTF_8));
            sha256.update(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private record StoredAnswer(String fingerprint, String body) {}
}
