package app.rekindle.identity.erasure;

import app.rekindle.identity.authorization.IdentityProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * The provider's own credential for one erasure: a token it signs for itself with the scope the command
 * service's erasure endpoint requires, valid for one minute. No person's token ever carries that scope.
 */
@Component
class ErasureTokens {

    static final String SUBJECT = "rekindle-identity-service";
    static final String SCOPE = "accounts-erase";
    static final Duration LIFETIME = Duration.ofMinutes(1);

    private final JwtEncoder encoder;
    private final IdentityProperties identity;

    ErasureTokens(JwtEncoder encoder, IdentityProperties identity) {
        this.encoder = encoder;
        this.identity = identity;
    }

    String issue() {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(identity.issuer().toString())
                .subject(SUBJECT)
                .audience(Collections.singletonList("rekindle-api"))
                .issuedAt(now)
                .expiresAt(now.plus(LIFETIME))
                .claim("scope", SCOPE)
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }
}
