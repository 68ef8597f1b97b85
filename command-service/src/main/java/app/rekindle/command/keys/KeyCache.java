package app.rekindle.command.keys;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Least recently used journals' key states: unwrapping on every event would cost a database read. */
final class KeyCache {

    private final Map<UUID, KeyState> states;

    KeyCache(int size) {
        this.states = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, KeyState> eldest) {
                return size() > size;
            }
        };
    }

    synchronized KeyState get(UUID journalId) {
        return states.get(journalId);
    }

    /** A destroyed key stays destroyed, even if a reader that saw it live before the erasure commits later. */
    synchronized void put(UUID journalId, KeyState state) {
        if (!(states.get(journalId) instanceof KeyState.Destroyed)) {
            states.put(journalId, state);
        }
    }
}
