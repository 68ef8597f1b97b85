package app.rekindle.support.testing;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Bearer tokens for tests: a good one, and every way a token can be bad. */
public final class Tokens {

    private final NimbusJwtEncoder trusted;

    public Tokens(RSAPublicKey publicKey, RSAPrivateKey privateKey) {
        this.trusted = encoder(publicKey, privateKey);
    }

    public String valid(String subject) {
        return sign(trusted, subject, Instant.now(), Duration.ofHours(1));
    }

    /** Token variants that must all answer 401, by name. */
    public Map<String, String> bad(String subject) {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("expired", sign(trusted, subject, Instant.now().minus(Duration.ofHours(3)), Duration.ofHours(1)));
        bad.put("not-yet-valid", sign(trusted, subject, Instant.now().plus(Duration.ofHours(2)), Duration.ofHours(1)));
        bad.put("wrongly-signed", sign(strangerEncoder(), subject, Instant.now(), Duration.ofHours(1)));
        String good = valid(subject);
        bad.put(
                "tampered",
                good.substring(0, good.lastIndexOf('.') - 4) + "AAAA" + good.substring(good.lastIndexOf('.')));
        bad.put("alg-none", unsigned(subject));
        bad.put("garbage", "not-a-token");
        bad.put("sql", "x' OR '1'='1");
        bad.put("three-dots", "a.b.c");
        return bad;
    }

    private static String unsigned(String subject) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        return base64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(
                        ("{\"sub\":\"" + subject + "\",\"iat\":" + now + ",\"exp\":" + (now + 3600) + "}")
                                .getBytes(StandardCharsets.UTF_8))
                + ".";
    }

    private static String sign(NimbusJwtEncoder encoder, String subject, Instant issued, Duration lifetime) {
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer("rekindle-embedded")
                .subject(subject)
                .issuedAt(issued)
                .notBefore(issued)
                .expiresAt(issued.plus(lifetime))
                .build();
        return encoder.encode(JwtEncoderParameters.from(
                        JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
    }

    private static NimbusJwtEncoder encoder(RSAPublicKey publicKey, RSAPrivateKey privateKey) {
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(
                new JWKSet(new RSAKey.Builder(publicKey).privateKey(privateKey).build())));
    }

    private static NimbusJwtEncoder strangerEncoder() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            return encoder((RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
