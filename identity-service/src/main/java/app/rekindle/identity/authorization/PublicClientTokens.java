package app.rekindle.identity.authorization;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.keygen.Base64StringKeyGenerator;
import org.springframework.security.crypto.keygen.StringKeyGenerator;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Refresh tokens for the public clients (the dashboard in a browser, the command line), which have no secret.
 * Spring Authorization Server authenticates a secretless client only on the PKCE code exchange and gives it no
 * refresh token; its maintainers point to customisation for this. So a public client registered with the
 * refresh_token grant is known by its client id alone on the refresh, revocation and device endpoints, and gets
 * a refresh token that rotates on every use (a reused one is refused). Confidential clients are untouched: a
 * request with any client credential is left to Spring's own converters.
 */
final class PublicClientTokens {

    private PublicClientTokens() {}

    /** Reads {@code client_id} alone, on the endpoints a public client uses after sign-in. */
    static final class ClientIdOnly implements AuthenticationConverter {

        @Override
        public Authentication convert(HttpServletRequest request) {
            String grant = request.getParameter(OAuth2ParameterNames.GRANT_TYPE);
            String path = request.getRequestURI();
            boolean afterSignIn =
                    AuthorizationGrantType.REFRESH_TOKEN.getValue().equals(grant)
                            || AuthorizationGrantType.DEVICE_CODE.getValue().equals(grant)
                            || path.endsWith("/oauth2/revoke")
                            || path.endsWith("/oauth2/device_authorization");
            boolean credentialsGiven = request.getHeader(HttpHeaders.AUTHORIZATION) != null
                    || request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null
                    || request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION) != null
                    || request.getParameter(PkceParameterNames.CODE_VERIFIER) != null;
            String[] ids = request.getParameterValues(OAuth2ParameterNames.CLIENT_ID);
            if (!afterSignIn || credentialsGiven || ids == null || ids.length != 1 || ids[0].isBlank()) {
                return null;
            }
            return new OAuth2ClientAuthenticationToken(ids[0], ClientAuthenticationMethod.NONE, null, Map.of());
        }
    }

    /** Accepts what {@link ClientIdOnly} read when the client is registered as public and may refresh. */
    static final class PublicClients implements AuthenticationProvider {

        private final RegisteredClientRepository clients;

        PublicClients(RegisteredClientRepository clients) {
            this.clients = clients;
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            OAuth2ClientAuthenticationToken token = (OAuth2ClientAuthenticationToken) authentication;
            if (!ClientAuthenticationMethod.NONE.equals(token.getClientAuthenticationMethod())
                    || token.getAdditionalParameters().containsKey(PkceParameterNames.CODE_VERIFIER)) {
                // The PKCE code exchange stays Spring's own provider, which checks the code verifier: taking it
                // here would skip that check.
                return null;
            }
            RegisteredClient client =
                    clients.findByClientId(token.getPrincipal().toString());
            if (client == null
                    || !client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)
                    || !(client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.REFRESH_TOKEN)
                            || client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.DEVICE_CODE))) {
                throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
            }
            return new OAuth2ClientAuthenticationToken(client, ClientAuthenticationMethod.NONE, null);
        }

        @Override
        public boolean supports(Class<?> type) {
            return OAuth2ClientAuthenticationToken.class.isAssignableFrom(type);
        }
    }

    /**
     * Like Spring's refresh token generator without its "never to a public client" rule: the client's own
     * registration decides.
     */
    static final class RefreshTokens implements OAuth2TokenGenerator<OAuth2RefreshToken> {

        private final StringKeyGenerator random =
                new Base64StringKeyGenerator(Base64.getUrlEncoder().withoutPadding(), 96);

        @Override
        public OAuth2RefreshToken generate(OAuth2TokenContext context) {
            RegisteredClient client = context.getRegisteredClient();
            if (!OAuth2TokenType.REFRESH_TOKEN.equals(context.getTokenType())
                    || !client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.REFRESH_TOKEN)) {
                return null;
            }
            Instant now = Instant.now();
            return new OAuth2RefreshToken(
                    random.generateKey(),
                    now,
                    now.plus(client.getTokenSettings().getRefreshTokenTimeToLive()));
        }
    }
}
