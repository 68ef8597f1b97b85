package app.rekindle.identity.throttling;

import java.time.Instant;

/**
 * What is counted for one name or address: the attempts in the current window, the block (if any) and how many
 * blocks it has had in a row — the rule, kept apart from storage so it can be read and tested on its own.
 */
record Tally(int attempts, Instant windowStarted, Instant blockedUntil, int blocks) {

    static Tally fresh(Instant now) {
        return new Tally(0, now, null, 0);
    }

    boolean blocksAt(Instant now) {
        return blockedUntil != null && now.isBefore(blockedUntil);
    }

    /** One more attempt at {@code now}: reaching the limit starts a block, twice as long as the one before. */
    Tally afterAttempt(Instant now, Limit limit) {
        boolean windowOver = !now.isBefore(windowStarted.plus(limit.window()));
        boolean quietSinceLastBlock = blockedUntil == null || !now.isBefore(blockedUntil.plus(limit.longestBlock()));
        int counted = (windowOver ? 0 : attempts) + 1;
        Instant started = windowOver ? now : windowStarted;
        int blocksSoFar = quietSinceLastBlock ? 0 : blocks;
        if (counted < limit.attempts()) {
            return new Tally(counted, started, blockedUntil, blocksSoFar);
        }
        int block = blocksSoFar + 1;
        return new Tally(0, now, now.plus(limit.blockNumber(block)), block);
    }
}
