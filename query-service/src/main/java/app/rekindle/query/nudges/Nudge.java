package app.rekindle.query.nudges;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * A gentle prompt. {@code kind} is stable for clients; {@code message} is for people.
 *
 * @param step    the step it is about, if any
 * @param entryId the entry it is about, if any (a date)
 * @param since   the moment the quiet or the imbalance is measured from
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Nudge(Kind kind, String message, String step, UUID entryId, Instant since) {

    enum Kind {
        NO_RECENT_CONVERSATION,
        STEP_STALLED,
        PERSONAL_TIME_ONE_SIDED,
        DATE_UNRESOLVED
    }
}
