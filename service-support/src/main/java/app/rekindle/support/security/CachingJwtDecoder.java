package app.rekindle.support.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * Remembers the tokens it has verified, so a client sending the same bearer token with every command pays for
 * the signature check and claim mapping once, not per request (they were most of the command service's CPU
 * time per command, and a fifth of a timeline read's). Keyed by the whole token, signature included: only the very bytes that were verified
 * hit. What can change while a token is remembered is time, so each hit is checked again for expiry and
 * not-before, exactly as the wrapped decoder checks them (same clock skew). Caffeine bounds the count and, under
 * a flood of distinct tokens, keeps the ones sent often.
 */
final class CachingJwtDecoder implements JwtDecoder {

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> timestamps = new JwtTimestampValidator();
    private final Cache<String, Jwt> verified;

    CachingJwtDecoder(JwtDecoder verifier, int maxTokens) {
        this.verifier = verifier;
        this.verified = Caffeine.newBuilder().maximumSize(maxTokens).build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            if (!timestamps.validate(known).hasErrors()) {
                return known;
            }
            verified.invalidate(token);
        }
        Jwt jwt = verifier.decode(token);
        verified.put(token, jwt);
        return jwt;
    }

    /** How many verified tokens are held once pending evictions have run. */
    long remembered() {
        verified.cleanUp();
        return verified.estimatedSize();
    }
}
