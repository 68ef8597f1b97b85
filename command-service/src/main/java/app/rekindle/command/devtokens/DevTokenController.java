package app.rekindle.command.devtokens;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpMethod;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Mints a bearer token for any username, so the embedded run needs no identity provider. Off by default; where it
 * is on, it answers clients on this machine only ({@link DevTokenRequests}), and anyone else exactly as if it were
 * off: 401 without a token (the security chain asks for one), the missing-route 404 with one.
 */
@RestController
@ConditionalOnProperty(name = "rekindle.dev-tokens.enabled", havingValue = "true")
@SecurityRequirements
class DevTokenController {

    static final String ISSUER = "rekindle-embedded";
    private static final Duration LIFETIME = Duration.ofHours(12);

    record TokenRequest(
            @NotNull @Pattern(regexp = "[A-Za-z0-9._@-]{1,64}")
            String username) {}

    record TokenResponse(String token, Instant expiresAt) {}

    private final JwtEncoder encoder;
    private final Clock clock;

    DevTokenController(DevTokenProperties properties, Clock clock) throws IOException, GeneralSecurityException {
        this.encoder = encoder(properties);
        this.clock = clock;
    }

    @Operation(summary = "Issue a development token for any username (only when rekindle.dev-tokens.enabled)")
    @PostMapping("/dev/tokens")
    TokenResponse issue(@Valid @RequestBody TokenRequest request, HttpServletRequest http)
            throws NoResourceFoundException {
        if (!DevTokenRequests.fromThisMachine(http)) {
            // What Spring MVC raises for a route that does not exist, so the answer is that one, byte for byte.
            throw new NoResourceFoundException(HttpMethod.POST, http.getRequestURI(), "dev/tokens");
        }
        Instant now = clock.instant();
        Instant expiresAt = now.plus(LIFETIME);
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(request.username())
                .issuedAt(now)
                .expiresAt(expiresAt)
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).build();
        return new TokenResponse(
                encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue(), expiresAt);
    }

    private static JwtEncoder encoder(DevTokenProperties properties) throws IOException, GeneralSecurityException {
        if (properties.privateKeyLocation() == null) {
            throw new IllegalStateException("rekindle.dev-tokens.private-key-location is required for dev tokens");
        }
        RSAPrivateCrtKey privateKey;
        try (InputStream pem = properties.privateKeyLocation().getInputStream()) {
            privateKey = (RSAPrivateCrtKey) RsaKeyConverters.pkcs8().convert(pem);
        }
        // A PKCS#8 RSA key carries its public exponent, so the public half need not be configured separately.
        RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
        RSAKey jwk = new RSAKey.Builder(publicKey).privateKey(privateKey).build();
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk)));
    }
}
