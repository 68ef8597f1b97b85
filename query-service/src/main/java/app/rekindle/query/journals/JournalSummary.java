package app.rekindle.query.journals;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One journal as its owner sees it in a list: status, activity and how far through the steps it is. */
record JournalSummary(
        UUID journalId,
        String partnerName,
        String intention,
        String timezone,
        String status,
        @JsonInclude(JsonInclude.Include.NON_NULL) Closure closure,
        Instant openedAt,
        long version,
        boolean stale,
        int entryCount,
        Instant lastEntryAt,
        Progress progress) {

    record Closure(String outcome, String note, Instant closedAt) {}

    /** @param inProgress slugs of the steps currently in progress, in step order */
    record Progress(int stepsCompleted, List<String> inProgress) {}
}
