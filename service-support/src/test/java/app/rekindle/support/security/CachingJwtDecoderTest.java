package app.rekindle.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class CachingJwtDecoderTest {

    private final List<String> verified = new ArrayList<>();

    /** Stands in for the signature check: answers a token expiring at the instant its text names. */
    private final JwtDecoder verifier = token -> {
        verified.add(token);
        if (token.startsWith("forged")) {
            throw new BadJwtException("signature");
        }
        Instant expires = Instant.parse(token.substring(token.indexOf('@') + 1));
        return Jwt.withTokenValue(token)
                .header("alg", "RS256")
                .subject("alice")
                .issuedAt(expires.minus(Duration.ofHours(2)))
                .expiresAt(expires)
                .build();
    };

    @Test
    void a_token_seen_before_is_not_verified_again() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifier, 10);
        String token = "a@" + Instant.now().plus(Duration.ofHours(1));

        Jwt first = decoder.decode(token);
        Jwt second = decoder.decode(token);

        assertThat(second).isSameAs(first);
        assertThat(verified).containsExactly(token);
    }

    @Test
    void a_remembered_token_that_has_expired_since_is_verified_again_and_refused() {
        Instant expired = Instant.now().minusSeconds(61); // beyond the validator's 60 s of clock skew
        CachingJwtDecoder decoder = new CachingJwtDecoder(
                token -> {
                    verified.add(token);
                    if (verified.size() > 1) {
                        throw new BadJwtException("expired");
                    }
                    // as if it had been valid when first verified
                    return Jwt.withTokenValue(token)
                            .header("alg", "RS256")
                            .subject("alice")
                            .issuedAt(expired.minusSeconds(3600))
                            .expiresAt(expired)
                            .build();
                },
                10);
        decoder.decode("t");

        assertThatThrownBy(() -> decoder.decode("t")).isInstanceOf(BadJwtException.class);
        assertThat(verified).containsExactly("t", "t");
    }

    @Test
    void a_token_that_fails_verification_is_never_remembered() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifier, 10);

        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(verified).containsExactly("forged", "forged");
    }

    @Test
    void memory_stays_bounded() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifier, 10);
        String expiry = "@" + Instant.now().plus(Duration.ofHours(1));
        for (int i = 0; i < 1_000; i++) {
            decoder.decode(i + expiry);
        }

        assertThat(verified).hasSize(1_000);
        assertThat(decoder.remembered()).isLessThanOrEqualTo(10);
    }

    @Test
    void a_token_sent_often_survives_a_flood_of_tokens_sent_once() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifier, 10);
        String expiry = "@" + Instant.now().plus(Duration.ofHours(1));
        String regular = "regular" + expiry;
        for (int i = 0; i < 1_000; i++) {
            decoder.decode(regular);
            decoder.decode("once-" + i + expiry);
        }

        assertThat(verified).filteredOn(regular::equals).hasSizeLessThan(10);
    }
}
