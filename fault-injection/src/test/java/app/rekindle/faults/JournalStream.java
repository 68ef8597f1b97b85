package app.rekindle.faults;

import app.rekindle.faults.Outcome.Kind;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One journal's commands, sent one after the other as one person's app would: a check-in is sent again, with the
 * same Idempotency-Key, until it gets an answer, and only then is the next one made up. Keeps the client's log
 * of what was accepted: version (= the sequence of the one event a check-in records) and entry id.
 */
final class JournalStream {

    record Accepted(long version, String entryId) {}

    private record Request(String key, String body) {}

    private final String journalId;
    private final CommandHttp http;
    private final List<Accepted> accepted = new ArrayList<>();
    private Request pending;
    private int sent;

    private JournalStream(String journalId, CommandHttp http) {
        this.journalId = journalId;
        this.http = http;
    }

    /** Opens the journal; the stack is expected to be healthy at this point. */
    static JournalStream open(CommandHttp http, String partner) {
        CommandHttp.Answer answer = http.post(
                "/journals",
                UUID.randomUUID().toString(),
                "{\"partnerName\":\"" + partner + "\",\"intention\":\"Steady\",\"timezone\":\"UTC\"}");
        if (answer.outcome().kind() != Kind.ACCEPTED) {
            throw new IllegalStateException("Could not open a journal: " + answer.outcome());
        }
        JournalStream stream = new JournalStream(answer.body().get("journalId").asText(), http);
        stream.accepted.add(new Accepted(answer.body().get("version").asLong(), null));
        return stream;
    }

    /** Sends the pending check-in, or a new one; true once nothing is pending. */
    synchronized boolean sendNext() {
        if (pending == null) {
            sent++;
            pending = new Request(
                    UUID.randomUUID().toString(),
                    "{\"mood\":" + (1 + sent % 5) + ",\"connection\":" + (1 + sent * 7 % 5) + "}");
        }
        return retryPending();
    }

    /** Sends the pending check-in again, if any; true once nothing is pending. */
    synchronized boolean retryPending() {
        if (pending == null) {
            return true;
        }
        CommandHttp.Answer answer = http.post("/journals/" + journalId + "/check-ins", pending.key(), pending.body());
        switch (answer.outcome().kind()) {
            case ACCEPTED -> {
                JsonNode body = answer.body();
                accepted.add(new Accepted(
                        body.get("version").asLong(), body.get("entryId").asText()));
                pending = null;
            }
            // A refusal is final; the ledger then finds nothing recorded for it.
            case REJECTED -> pending = null;
            default -> {
                // Not answered, or failed: the same key again next time.
            }
        }
        return pending == null;
    }

    String journalId() {
        return journalId;
    }

    synchronized List<Accepted> accepted() {
        return List.copyOf(accepted);
    }

    synchronized long lastVersion() {
        return accepted.getLast().version();
    }
}
