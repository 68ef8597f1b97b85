package app.rekindle.events.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM for one text value: a fresh random 96-bit nonce per value, a 128-bit tag, and associated data
 * naming where the value belongs (journal, event, field) so a ciphertext copied elsewhere fails to open.
 * Form: {@code enc:v1:<base64(nonce || ciphertext || tag)>}.
 */
public final class FreeTextCipher {

    public static final String PREFIX = "enc:v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * One cipher per thread, initialised afresh (key and nonce) for every value. Looking the algorithm up in the
     * providers for each value was 3% of a check-in's request-thread CPU; a {@code Cipher} is not thread-safe,
     * and GCM needs a new nonce per encryption anyway, which {@code init} gives it.
     */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(FreeTextCipher::newCipher);

    private FreeTextCipher() {}

    /** Characters of the sealed form of a plaintext of this many UTF-8 bytes: prefix, then base64 of nonce, text, tag. */
    public static int sealedLength(int plaintextBytes) {
        return PREFIX.length() + 4 * ((NONCE_BYTES + plaintextBytes + TAG_BITS / 8 + 2) / 3);
    }

    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    public static String seal(String plaintext, DataKey key, String associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.ENCRYPT_MODE, key.secret(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            ByteBuffer out =
                    ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed);
            return PREFIX + Base64.getEncoder().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** @throws TamperedFreeText when the value, its place or the key does not match what was sealed */
    public static String open(String sealed, DataKey key, String associatedData) {
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
                throw new IllegalArgumentException("too short");
            }
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.DECRYPT_MODE, key.secret(), new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new TamperedFreeText(associatedData.substring(associatedData.lastIndexOf('|') + 1), e);
        }
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }
}
