package app.rekindle.query.projection;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * One row of the dead-letter store as operators see it: coordinates, status and reasons, never the payload.
 *
 * @param status     PARKED (could not be read or applied), WAITING_BEHIND (a parked event of the journal comes
 *                   first), WAITING_FOR_GAP (an earlier event of the journal is missing), or what became of it:
 *                   APPLIED, DUPLICATE, SKIPPED
 * @param reason     why it was parked (an exception class), or why it waits
 * @param skipReason the operator's reason, for a skipped event
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetterView(
        long id,
        UUID journalId,
        Long sequence,
        String type,
        String status,
        String reason,
        String topic,
        int partition,
        long offset,
        Instant receivedAt,
        Instant resolvedAt,
        String resolvedBy,
        String skipReason) {}
