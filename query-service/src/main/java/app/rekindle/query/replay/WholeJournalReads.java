package app.rekindle.query.replay;

import app.rekindle.query.access.JournalAccess;
import app.rekindle.query.access.ReadGate;
import app.rekindle.query.config.RekindleReadProperties;
import app.rekindle.query.web.TooManyRequests;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Reads that may hold a whole journal in memory (analytics over an open range, markdown and csv export) cost
 * memory in proportion to the journal, so only {@code rekindle.read.max-whole-journal-reads} run at once; the
 * others wait up to {@code rekindle.read.whole-journal-wait} for a turn, then answer 429. Many such requests
 * then slow each other down instead of running the service out of memory (an analytics flood once did, and
 * took everyone's reads from milliseconds to seconds on the way).
 */
@Component
public class WholeJournalReads {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final ReadGate gate;
    private final Semaphore turns;
    private final RekindleReadProperties properties;

    WholeJournalReads(ReadGate gate, RekindleReadProperties properties) {
        this.gate = gate;
        this.properties = properties;
        this.turns = new Semaphore(properties.maxWholeJournalReads(), true);
    }

    /**
     * As {@link ReadGate#read}, taking a turn only once {@code minVersion} is reached (a wait for the view holds
     * no turn) and outside the read's transaction (a waiting request holds no database connection). A stranger's
     * read takes a turn as the owner's does, so a busy service answers both alike.
     */
    public <T> ResponseEntity<T> read(
            UUID journalId, String caller, Long minVersion, Function<JournalAccess, T> query) {
        gate.awaitIfAsked(journalId, caller, minVersion);
        boolean turn;
        try {
            turn = turns.tryAcquire(properties.wholeJournalWait().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a turn", e);
        }
        if (!turn) {
            throw new TooManyRequests(
                    "The service is answering as many whole-journal reads as it can; retry shortly.",
                    "rekindle.read.max-whole-journal-reads",
                    properties.maxWholeJournalReads(),
                    RETRY_AFTER);
        }
        try {
            return gate.read(journalId, caller, null, query);
        } finally {
            turns.release();
        }
    }
}
