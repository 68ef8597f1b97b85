package app.rekindle.command.keys;

import app.rekindle.command.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Base64;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The internal path by which the query service gets a journal's data key to open the events it consumes. Only a
 * token with the {@code journal-keys} scope passes (SecurityConfig); people's tokens never carry it. An erased
 * journal answers 410 Gone, so the reader knows its text is gone for good rather than briefly unavailable.
 */
@RestController
class DataKeyController {

    record DataKeyResponse(UUID journalId, String keyId, String key) {}

    private final JournalKeys keys;

    DataKeyController(JournalKeys keys) {
        this.keys = keys;
    }

    @Operation(summary = "A journal's data key, for the query service (needs the journal-keys scope)")
    @GetMapping("/internal/journals/{journalId}/data-key")
    ResponseEntity<DataKeyResponse> dataKey(@PathVariable UUID journalId) {
        return switch (keys.stored(journalId)) {
            case KeyState.Live live ->
                ResponseEntity.ok()
                        .cacheControl(CacheControl.noStore())
                        .body(new DataKeyResponse(
                                journalId,
                                live.key().keyId(),
                                Base64.getEncoder().encodeToString(live.key().raw())));
            case KeyState.Destroyed destroyed ->
                throw new ErrorResponseException(
                        HttpStatus.GONE,
                        Problems.of(
                                HttpStatus.GONE,
                                "journal-key-destroyed",
                                "Journal erased",
                                "This journal was erased; its key is destroyed."),
                        null);
            case KeyState.Unknown unknown ->
                throw Problems.notFound("journal-key-not-found", "No journal key", "There is no key for this journal.");
        };
    }
}
