package app.rekindle.identity.authorization;

import java.util.Collections;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2AccessTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * Access tokens are signed JWTs for the Rekindle API: the services check the signature against this provider's
 * published keys, the issuer and the audience {@value #AUDIENCE}, and nothing else (no call back here).
 */
@Configuration(proxyBeanMethods = false)
class AccessTokens {

    /** The audience both services require; a token this provider makes for anything else is refused there. */
    static final String AUDIENCE = "rekindle-api";

    static final String PREFERRED_USERNAME = "preferred_username";

    /**
     * A person's tokens name their account id as the subject (names can be changed, ids cannot: the services
     * keep journals under it) and their user name as {@code preferred_username}; a service's own token (client
     * credentials) keeps the client id as its subject.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> rekindleClaims(AccountIds accounts) {
        return context -> {
            if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                // A singleton list: the claims are stored as typed JSON, and Jackson's allowlist refuses to read
                // List.of(..)'s class back (the next refresh would fail).
                context.getClaims().audience(Collections.singletonList(AUDIENCE));
            }
            if (context.getPrincipal() instanceof OAuth2ClientAuthenticationToken) {
                return;
            }
            String username = context.getPrincipal().getName();
            accounts.idOf(username)
                    .ifPresent(id -> context.getClaims().subject(id.toString()).claim(PREFERRED_USERNAME, username));
        };
    }

    @Bean
    OAuth2TokenGenerator<?> tokenGenerator(JwtEncoder encoder, OAuth2TokenCustomizer<JwtEncodingContext> claims) {
        JwtGenerator jwt = new JwtGenerator(encoder);
        jwt.setJwtCustomizer(claims);
        return new DelegatingOAuth2TokenGenerator(
                jwt, new OAuth2AccessTokenGenerator(), new PublicClientTokens.RefreshTokens());
    }
}
