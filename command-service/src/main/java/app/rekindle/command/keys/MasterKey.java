package app.rekindle.command.keys;

import app.rekindle.events.privacy.DataKey;
import app.rekindle.events.privacy.FreeTextCipher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Base64;
import java.util.UUID;

/**
 * Wraps each journal's data key (AES-256-GCM under the master key, bound to the journal and key id) so the
 * key table alone opens nothing. The master key comes from configuration or a file, never from the repository.
 */
final class MasterKey {

    private final DataKey key;

    private MasterKey(DataKey key) {
        this.key = key;
    }

    static MasterKey from(CryptoProperties properties) {
        String base64;
        if (properties.masterKey() != null && !properties.masterKey().isBlank()) {
            base64 = properties.masterKey();
        } else if (properties.masterKeyFile() != null) {
            try {
                base64 = Files.readString(properties.masterKeyFile());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read rekindle.crypto.master-key-file", e);
            }
        } else {
            throw new IllegalStateException("Set rekindle.crypto.master-key or rekindle.crypto.master-key-file "
                    + "(base64 of 32 random bytes): journal data keys are wrapped with it");
        }
        byte[] raw = Base64.getDecoder().decode(base64.strip());
        if (raw.length != 32) {
            throw new IllegalStateException("The master key must be 32 bytes (base64 of 256 bits)");
        }
        return new MasterKey(DataKey.of("master", raw));
    }

    String wrap(UUID journalId, DataKey dataKey) {
        String raw = Base64.getEncoder().encodeToString(dataKey.raw());
        return FreeTextCipher.seal(raw, key, place(journalId, dataKey.keyId()));
    }

    DataKey unwrap(UUID journalId, String keyId, String wrapped) {
        String raw = FreeTextCipher.open(wrapped, key, place(journalId, keyId));
        return DataKey.of(keyId, Base64.getDecoder().decode(raw));
    }

    private static String place(UUID journalId, String keyId) {
        return "rekindle-journal-key|" + journalId + "|" + keyId;
    }
}
