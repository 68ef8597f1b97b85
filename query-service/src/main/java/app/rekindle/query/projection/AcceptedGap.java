package app.rekindle.query.projection;

import java.time.Instant;
import java.util.UUID;

/**
 * Missing events of a journal (sequences {@code from..to}) an operator accepted as lost for good.
 *
 * @param reason the operator's reason, recorded with the acceptance
 */
public record AcceptedGap(UUID journalId, long from, long to, String reason, String acceptedBy, Instant acceptedAt) {}
