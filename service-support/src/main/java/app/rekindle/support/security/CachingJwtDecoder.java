package app.rekindle.support.security;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the tokens it has verified, so a client sending the same bearer token with every command pays for
 * the signature check and claim mapping once, not per request (they were most of the command service's CPU
 * time per command, and a fifth of a timeline read's). Keyed by the whole token, signature included: only the very bytes that were verified
 * hit. What can change while a token is remembered is time, so each hit is checked again for expiry and
 * not-before, exactly as the wrapped decoder checks them (same clock skew).
 */
final class CachingJwtDecoder implements JwtDecoder {

    private final JwtDecoder verifier;
    private final int maxTokens;
    private final OAuth2TokenValidator<Jwt> timestamps = new JwtTimestampValidator();
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    CachingJwtDecoder(JwtDecoder verifier, int maxTokens) {
        this.verifier = verifier;
        this.maxTokens = maxTokens;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.get(token);
        if (known != null) {
            if (!timestamps.validate(known).hasErrors()) {
                return known;
            }
            verified.remove(token);
        }
        Jwt jwt = verifier.decode(token);
        if (verified.size() >= maxTokens) {
            // Crude but bounded: a flood of distinct tokens costs one re-verification each afterwards.
            verified.clear();
        }
        verified.put(token, jwt);
        return jwt;
    }
}
