package app.rekindle.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

/**
 * The RSA key pair that signs the development tokens of a local run (private key, command service) and
 * verifies every bearer token (public key, both services). Kept as PEM files so tokens issued before a
 * restart stay valid after it.
 */
public final class LocalJwtKeys {

    private static final String PRIVATE_FILE = "jwt-private.pem";
    private static final String PUBLIC_FILE = "jwt-public.pem";

    private final Path privateKeyPem;
    private final Path publicKeyPem;
    private final RSAPrivateKey privateKey;
    private final RSAPublicKey publicKey;

    private LocalJwtKeys(Path dir, RSAPrivateKey privateKey, RSAPublicKey publicKey) {
        this.privateKeyPem = dir.resolve(PRIVATE_FILE);
        this.publicKeyPem = dir.resolve(PUBLIC_FILE);
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    public static LocalJwtKeys createOrLoad(Path dir) {
        Path absolute = dir.toAbsolutePath();
        try {
            Files.createDirectories(absolute);
            if (Files.exists(absolute.resolve(PRIVATE_FILE)) && Files.exists(absolute.resolve(PUBLIC_FILE))) {
                return load(absolute);
            }
            return generate(absolute);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create or read JWT keys in " + absolute, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Unusable JWT keys in " + absolute, e);
        }
    }

    private static LocalJwtKeys load(Path dir) throws IOException, GeneralSecurityException {
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        byte[] privateDer = Pem.PRIVATE_KEY.decode(Files.readString(dir.resolve(PRIVATE_FILE)));
        byte[] publicDer = Pem.PUBLIC_KEY.decode(Files.readString(dir.resolve(PUBLIC_FILE)));
        return new LocalJwtKeys(
                dir, (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(privateDer)), (RSAPublicKey)
                        rsa.generatePublic(new X509EncodedKeySpec(publicDer)));
    }

    private static LocalJwtKeys generate(Path dir) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        LocalJwtKeys keys = new LocalJwtKeys(dir, (RSAPrivateKey) pair.getPrivate(), (RSAPublicKey) pair.getPublic());
        // getEncoded() is PKCS#8 for RSA private keys and X.509 SubjectPublicKeyInfo for public keys.
        Files.writeString(
                keys.privateKeyPem, Pem.PRIVATE_KEY.encode(pair.getPrivate().getEncoded()));
        ownerOnly(keys.privateKeyPem);
        Files.writeString(
                keys.publicKeyPem, Pem.PUBLIC_KEY.encode(pair.getPublic().getEncoded()));
        return keys;
    }

    // Whoever holds the private key can sign in as anyone on this installation.
    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the user's profile directory is already private.
        }
    }

    public Path publicKeyPem() {
        return publicKeyPem;
    }

    public Path privateKeyPem() {
        return privateKeyPem;
    }

    public RSAPublicKey publicKey() {
        return publicKey;
    }

    public RSAPrivateKey privateKey() {
        return privateKey;
    }
}
