package app.rekindle.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secrets a local run gives its services, beside the JWT keys, each made once and kept, owner-only: the
 * master key that wraps the journals' data keys (losing it loses every journal's text) and the query service's
 * client secret, which the identity service and the query service both read (the query service's
 * client-credentials grant for the internal key path). In production both come from a secret store.
 */
public final class ServiceCredentials {

    static final String MASTER_KEY_FILE = "master.key";
    static final String QUERY_CLIENT_SECRET_FILE = "query-service.secret";

    private ServiceCredentials() {}

    /** Creates whichever of the two is missing. */
    public static void ensure(Path keysDir) {
        try {
            createOnce(keysDir.resolve(MASTER_KEY_FILE), Base64.getEncoder().encodeToString(random32()));
            createOnce(
                    keysDir.resolve(QUERY_CLIENT_SECRET_FILE),
                    Base64.getUrlEncoder().withoutPadding().encodeToString(random32()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the service credentials in " + keysDir, e);
        }
    }

    public static Path queryClientSecretFile(Path keysDir) {
        return keysDir.resolve(QUERY_CLIENT_SECRET_FILE);
    }

    private static byte[] random32() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        return raw;
    }

    private static void createOnce(Path file, String content) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        Files.createFile(file);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the user's profile directory is already private.
        }
        Files.writeString(file, content);
    }
}
