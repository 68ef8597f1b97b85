package app.rekindle.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalJwtKeysTest {

    @Test
    void keys_are_written_as_pem_files(@TempDir Path dir) throws Exception {
        LocalJwtKeys keys = LocalJwtKeys.createOrLoad(dir.resolve("keys"));

        assertThat(keys.privateKeyPem())
                .isEqualTo(dir.resolve("keys/jwt-private.pem").toAbsolutePath());
        assertThat(keys.publicKeyPem())
                .isEqualTo(dir.resolve("keys/jwt-public.pem").toAbsolutePath());
        assertThat(Files.readString(keys.privateKeyPem()))
                .startsWith("-----BEGIN PRIVATE KEY-----\n")
                .endsWith("-----END PRIVATE KEY-----\n");
        assertThat(Files.readString(keys.publicKeyPem()))
                .startsWith("-----BEGIN PUBLIC KEY-----\n")
                .endsWith("-----END PUBLIC KEY-----\n");
        assertThat(keys.publicKey().getModulus().bitLength()).isEqualTo(2048);
    }

    @Test
    void keys_loaded_again_are_the_ones_generated(@TempDir Path dir) {
        LocalJwtKeys generated = LocalJwtKeys.createOrLoad(dir);
        LocalJwtKeys loaded = LocalJwtKeys.createOrLoad(dir);

        assertThat(loaded.privateKey()).isEqualTo(generated.privateKey());
        assertThat(loaded.publicKey()).isEqualTo(generated.publicKey());
    }

    @Test
    void loaded_public_key_verifies_what_the_loaded_private_key_signed(@TempDir Path dir) throws Exception {
        LocalJwtKeys.createOrLoad(dir);
        LocalJwtKeys keys = LocalJwtKeys.createOrLoad(dir);
        byte[] payload = "{\"sub\":\"demo\"}".getBytes(StandardCharsets.UTF_8);

        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(keys.privateKey());
        signer.update(payload);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(keys.publicKey());
        verifier.update(payload);

        assertThat(verifier.verify(signature)).isTrue();
    }
}
