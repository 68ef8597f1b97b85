package app.rekindle.query.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Read-your-writes: how long a read with {@code minVersion} may wait for the view to catch up.
 *
 * @param maxWait           upper bound of the wait, then 202 "not yet"
 * @param pollInterval      how often the position table is checked while waiting
 * @param unseenJournalWait how long a journal the caller cannot see (missing, erased, someone else's, or one
 *                          just opened whose first event has not reached the views) is looked for, then 404;
 *                          the same for all of them, so the answer and its timing tell nothing. As long as
 *                          {@code maxWait} by default: a journal opened or imported a moment ago may take that
 *                          long to reach the views under load (1 s proved too short for an import on a busy
 *                          two-core machine), and ids are random, so nothing tells it apart from a missing one
 * @param maxWholeJournalReads reads whose work grows with a journal's span or length (analytics over its days,
 *                          markdown and csv export of every entry) answered at once; the rest wait their turn, so
 *                          memory is bounded by this many journals whatever the number of requests
 * @param wholeJournalWait  how long such a read waits for its turn, then 429 with Retry-After
 */
@ConfigurationProperties("rekindle.read")
public record RekindleReadProperties(
        @DefaultValue("5s") Duration maxWait,
        @DefaultValue("25ms") Duration pollInterval,
        @DefaultValue("5s") Duration unseenJournalWait,
        @DefaultValue("2") int maxWholeJournalReads,
        @DefaultValue("2s") Duration wholeJournalWait) {}
