package app.rekindle.identity.throttling;

import java.time.Duration;

/**
 * One throttling rule: {@code attempts} within {@code window}, then a block of {@code firstBlock}, doubled for
 * every further block up to {@code longestBlock}.
 */
record Limit(int attempts, Duration window, Duration firstBlock, Duration longestBlock) {

    Duration blockNumber(int blocks) {
        Duration block = firstBlock;
        for (int i = 1; i < blocks && block.compareTo(longestBlock) < 0; i++) {
            block = block.multipliedBy(2);
        }
        return block.compareTo(longestBlock) > 0 ? longestBlock : block;
    }
}
