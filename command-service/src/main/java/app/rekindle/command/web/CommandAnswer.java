package app.rekindle.command.web;

import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;

/** A successful command's answer: status, optional Location and body. Stored as-is for idempotent replays. */
public record CommandAnswer(int status, String location, Map<String, Object> body) {

    public static CommandAnswer ok(Map<String, Object> body) {
        return new CommandAnswer(200, null, body);
    }

    public static CommandAnswer created(String location, Map<String, Object> body) {
        return new CommandAnswer(201, location, body);
    }

    /** A state change: 200 with the journal's new version. */
    public static CommandAnswer changed(UUID journalId, Object version) {
        return ok(Map.of("journalId", journalId, "version", version));
    }

    /** A new entry: 201 with its id and the journal's new version. */
    public static CommandAnswer entryLogged(UUID journalId, UUID entryId, Object version) {
        return created(
                "/journals/" + journalId + "/entries/" + entryId,
                Map.of("journalId", journalId, "entryId", entryId, "version", version));
    }

    public ResponseEntity<Object> toResponse() {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
        if (location != null) {
            response.location(URI.create(location));
        }
        return response.body(body);
    }
}
