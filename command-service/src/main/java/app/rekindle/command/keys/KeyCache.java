package app.rekindle.command.keys;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.UUID;

/** Journals' key states, bounded by count: unwrapping on every event would cost a database read. */
final class KeyCache {

    private final Cache<UUID, KeyState> states;

    KeyCache(int size) {
        this.states = Caffeine.newBuilder().maximumSize(size).build();
    }

    KeyState get(UUID journalId) {
        return states.getIfPresent(journalId);
    }

    /** A destroyed key stays destroyed, even if a reader that saw it live before the erasure commits later. */
    void put(UUID journalId, KeyState state) {
        states.asMap().compute(journalId, (id, before) -> before instanceof KeyState.Destroyed ? before : state);
    }

    /** How many journals are held once pending evictions have run. */
    long size() {
        states.cleanUp();
        return states.estimatedSize();
    }
}
