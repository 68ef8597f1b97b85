package app.rekindle.launcher;

import app.rekindle.embedded.LocalJwtKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The secrets a local run gives its services, beside the JWT keys: the master key that wraps the journals' data
 * keys (made once, kept, since losing it loses every journal's text) and the query service's own token for the
 * internal key path (scope {@code journal-keys}, signed with the run's key, renewed on every start). In
 * production the master key comes from a secret store and the token from an OAuth2 client-credentials grant.
 */
public final class ServiceCredentials {

    static final String MASTER_KEY_FILE = "master.key";
    static final String QUERY_TOKEN_FILE = "query-service.token";
    static final String QUERY_SERVICE_SUBJECT = "rekindle-query-service";
    static final String KEYS_SCOPE = "journal-keys";
    private static final Duration TOKEN_LIFETIME = Duration.ofDays(30);

    private ServiceCredentials() {}

    /** Creates the master key if there is none yet and issues a fresh query-service token, both owner-only. */
    public static void ensure(Path keysDir, LocalJwtKeys jwt) {
        try {
            Path master = keysDir.resolve(MASTER_KEY_FILE);
            if (!Files.exists(master)) {
                byte[] raw = new byte[32];
                new SecureRandom().nextBytes(raw);
                writeOwnerOnly(master, Base64.getEncoder().encodeToString(raw));
            }
            writeOwnerOnly(keysDir.resolve(QUERY_TOKEN_FILE), queryServiceToken(jwt, Instant.now()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the service credentials in " + keysDir, e);
        }
    }

    static String queryServiceToken(LocalJwtKeys jwt, Instant now) {
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"rekindle-embedded\",\"sub\":\"%s\",\"scope\":\"%s\",\"iat\":%d,\"exp\":%d}"
                .formatted(
                        QUERY_SERVICE_SUBJECT,
                        KEYS_SCOPE,
                        now.getEpochSecond(),
                        now.plus(TOKEN_LIFETIME).getEpochSecond());
        String signingInput = base64Url(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64Url(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(jwt.privateKey());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64Url(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign the query service's token", e);
        }
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        if (!Files.exists(file)) {
            Files.createFile(file);
        }
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the user's profile directory is already private.
        }
        Files.writeString(file, content);
    }
}
