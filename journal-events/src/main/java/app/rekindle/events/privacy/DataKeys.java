package app.rekindle.events.privacy;

import java.util.Optional;
import java.util.UUID;

/** Where a reader finds the key that sealed an event. */
@FunctionalInterface
public interface DataKeys {

    /** A reader that holds no keys: sealed free text reads as null. */
    DataKeys NONE = (journalId, keyId) -> Optional.empty();

    /**
     * The journal's key with this id, or empty when it was destroyed (the journal was erased).
     *
     * @throws RuntimeException when the key store cannot tell right now; the read must be retried, not taken
     *                          as an erasure
     */
    Optional<DataKey> find(UUID journalId, String keyId);
}
