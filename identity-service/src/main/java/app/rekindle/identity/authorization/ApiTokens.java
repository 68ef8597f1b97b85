package app.rekindle.identity.authorization;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Map;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * Tokens for the Rekindle API made here outside any OAuth flow (demo tokens): the same issuer, audience and
 * signing key as every other token this provider issues, so the services cannot tell them apart by anything but
 * their subject and scope.
 */
@Component
public class ApiTokens {

    private final JwtEncoder encoder;
    private final IdentityProperties identity;
    private final Clock clock = Clock.systemUTC();

    ApiTokens(JwtEncoder encoder, IdentityProperties identity) {
        this.encoder = encoder;
        this.identity = identity;
    }

    /** A signed access token for {@code subject} with one scope, valid from now for {@code lifetime}. */
    public Jwt issue(String subject, String scope, Duration lifetime, Map<String, Object> claims) {
        // Whole seconds, as the token writes its times: the expiry a caller is told is the token's own.
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        JwtClaimsSet.Builder set = JwtClaimsSet.builder()
                .issuer(identity.issuer().toString())
                .audience(Collections.singletonList(AccessTokens.AUDIENCE))
                .subject(subject)
                .issuedAt(now)
                .notBefore(now)
                .expiresAt(now.plus(lifetime))
                // A list, as in the tokens of the OAuth flows.
                .claim("scope", Collections.singletonList(scope));
        claims.forEach(set::claim);
        return encoder.encode(JwtEncoderParameters.from(
                JwsHeader.with(SignatureAlgorithm.RS256).build(), set.build()));
    }
}
