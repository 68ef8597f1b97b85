package app.rekindle.support.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Bearer tokens for tests, as the {@link TestIssuer} would issue them: its key, its issuer, audience
 * {@code rekindle-api}. A good one, and every way a token can be bad — each bad one differing from a good one in
 * one thing only, so each refusal is about that thing.
 */
public final class Tokens {

    private static final Duration LIFETIME = Duration.ofHours(1);

    private final RSAKey key;
    private final String issuer;
    private final NimbusJwtEncoder trusted;

    private Tokens(RSAKey key, String issuer) {
        this.key = key;
        this.issuer = issuer;
        this.trusted = encoder(key);
    }

    /** Tokens of the issuer the services' tests trust. */
    public static Tokens ofTestIssuer() {
        TestIssuer testIssuer = TestIssuer.get();
        return new Tokens(testIssuer.key(), testIssuer.issuer());
    }

    public String valid(String subject) {
        return valid(subject, null);
    }

    /** A token carrying an OAuth2 scope, e.g. the query service's {@code journal-keys}. */
    public String valid(String subject, String scope) {
        return sign(trusted, claims(subject, Instant.now(), LIFETIME, scope).build());
    }

    /** Token variants that must all answer 401, by name. */
    public Map<String, String> bad(String subject) {
        Instant now = Instant.now();
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put(
                "expired",
                sign(
                        trusted,
                        claims(subject, now.minus(Duration.ofHours(3)), LIFETIME, null)
                                .build()));
        bad.put(
                "not-yet-valid",
                sign(
                        trusted,
                        claims(subject, now.plus(Duration.ofHours(2)), LIFETIME, null)
                                .build()));
        bad.put(
                "other-audience",
                sign(
                        trusted,
                        claims(subject, now, LIFETIME, null)
                                .audience(List.of("someone-else"))
                                .build()));
        bad.put(
                "no-audience",
                sign(
                        trusted,
                        claims(subject, now, LIFETIME, null)
                                .claims(all -> all.remove("aud"))
                                .build()));
        bad.put(
                "other-issuer",
                sign(
                        trusted,
                        claims(subject, now, LIFETIME, null)
                                .issuer("http://elsewhere")
                                .build()));
        bad.put(
                "wrongly-signed",
                sign(strangerEncoder(), claims(subject, now, LIFETIME, null).build()));
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

    private String unsigned(String subject) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        String claims = "{\"iss\":\"%s\",\"aud\":[\"%s\"],\"sub\":\"%s\",\"iat\":%d,\"exp\":%d}"
                .formatted(issuer, TestIssuer.AUDIENCE, subject, now, now + LIFETIME.toSeconds());
        return base64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8))
                + ".";
    }

    private JwtClaimsSet.Builder claims(String subject, Instant issued, Duration lifetime, String scope) {
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .audience(List.of(TestIssuer.AUDIENCE))
                .subject(subject)
                .issuedAt(issued)
                .notBefore(issued)
                .expiresAt(issued.plus(lifetime));
        if (scope != null) {
            claims.claim("scope", scope);
        }
        return claims;
    }

    private String sign(NimbusJwtEncoder encoder, JwtClaimsSet claims) {
        JwsHeader header =
                JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    private static NimbusJwtEncoder encoder(RSAKey key) {
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
    }

    // Same key id as the trusted key: the decoder picks the trusted key by that id, and the signature must fail.
    private NimbusJwtEncoder strangerEncoder() {
        try {
            return encoder(new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
