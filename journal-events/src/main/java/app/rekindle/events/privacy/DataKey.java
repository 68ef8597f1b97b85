package app.rekindle.events.privacy;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * A journal's data key (AES-256). Its id travels in every event it sealed, so a reader knows which key to ask
 * for; the key itself never leaves the key store except to an authenticated reader. {@link #toString()} hides it.
 */
public record DataKey(String keyId, SecretKey secret) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public DataKey {
        Objects.requireNonNull(keyId, "keyId");
        if (secret.getEncoded().length != 32) {
            throw new IllegalArgumentException("A data key is 256 bits");
        }
    }

    public static DataKey generate() {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        return of(UUID.randomUUID().toString(), raw);
    }

    public static DataKey of(String keyId, byte[] raw) {
        return new DataKey(keyId, new SecretKeySpec(raw, "AES"));
    }

    public byte[] raw() {
        return secret.getEncoded();
    }

    @Override
    public String toString() {
        return "DataKey[" + keyId + "]";
    }
}
