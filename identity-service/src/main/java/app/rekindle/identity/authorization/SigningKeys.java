package app.rekindle.identity.authorization;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import org.springframework.core.io.Resource;
import org.springframework.security.converter.RsaKeyConverters;

/**
 * The key every token is signed with, read from its PEM file. Its id is the key's RFC 7638 thumbprint, so the
 * same key always has the same id and a second key can be published beside it when the key is rotated.
 */
final class SigningKeys {

    private SigningKeys() {}

    static JWKSource<SecurityContext> from(Resource privateKeyPem) {
        RSAPrivateKey privateKey;
        try (InputStream in = privateKeyPem.getInputStream()) {
            privateKey = RsaKeyConverters.pkcs8().convert(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the signing key " + privateKeyPem, e);
        }
        if (!(privateKey instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalArgumentException("The signing key must be an RSA key with its CRT parts (PKCS#8)");
        }
        try {
            RSAKey key = new RSAKey.Builder(publicKeyOf(crt))
                    .privateKey(privateKey)
                    .keyIDFromThumbprint()
                    .build();
            return new ImmutableJWKSet<>(new JWKSet(key));
        } catch (JOSEException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot use the signing key " + privateKeyPem, e);
        }
    }

    private static RSAPublicKey publicKeyOf(RSAPrivateCrtKey key) throws GeneralSecurityException {
        BigInteger modulus = key.getModulus();
        return (RSAPublicKey)
                KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, key.getPublicExponent()));
    }
}
