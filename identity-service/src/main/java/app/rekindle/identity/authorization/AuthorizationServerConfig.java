package app.rekindle.identity.authorization;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The OAuth 2.1 / OpenID Connect endpoints (Spring Authorization Server): discovery, authorize, token, JWKS,
 * revocation, user info, sign-out and the device authorization grant for command lines. A browser that is not
 * signed in is sent to the sign-in page; the accounts' own pages have their own chain (accounts package).
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfig {

    static final String SIGN_IN_PAGE = "/login";

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(
            HttpSecurity http,
            RegisteredClientRepository clients,
            OAuth2TokenGenerator<?> tokens,
            IdentityProperties identity)
            throws Exception {
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(new OrRequestMatcher(server.getEndpointsMatcher(), IdentityCors.preflights()));
            server.oidc(Customizer.withDefaults())
                    .tokenGenerator(tokens)
                    .deviceAuthorizationEndpoint(Customizer.withDefaults())
                    .deviceVerificationEndpoint(verification -> verification
                            .consentPage(ConsentPages.CONSENT)
                            .deviceVerificationResponseHandler(ConsentPages.deviceVerified())
                            .errorResponseHandler(ConsentPages.deviceVerificationFailed()))
                    // Spring's own consent page loads its styles from a CDN: ours loads nothing from elsewhere.
                    .authorizationEndpoint(authorization -> authorization.consentPage(ConsentPages.CONSENT))
                    .tokenRevocationEndpoint(Customizer.withDefaults())
                    .clientAuthentication(authentication -> authentication
                            .authenticationConverter(new PublicClientTokens.ClientIdOnly())
                            .authenticationProvider(new PublicClientTokens.PublicClients(clients)));
        });
        http.cors(cors -> cors.configurationSource(IdentityCors.of(identity)))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // The user info endpoint takes the provider's own access tokens.
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint(SIGN_IN_PAGE), browserPages()));
        return http.build();
    }

    /**
     * Where a browser that is not signed in is sent to sign in: the pages a person opens (authorize, entering a
     * device code, sign-out), not the endpoints only programs call. Those answer 401 whatever the caller accepts: a
     * script without an Accept header (taken as any type, HTML included) was sent to the sign-in page instead.
     */
    private static RequestMatcher browserPages() {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        RequestMatcher programs = new OrRequestMatcher(
                paths.matcher("/oauth2/token"),
                paths.matcher("/oauth2/introspect"),
                paths.matcher("/oauth2/revoke"),
                paths.matcher("/oauth2/device_authorization"),
                paths.matcher("/oauth2/jwks"),
                paths.matcher("/userinfo"));
        return new AndRequestMatcher(
                new MediaTypeRequestMatcher(MediaType.TEXT_HTML), new NegatedRequestMatcher(programs));
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentityProperties identity) {
        return AuthorizationServerSettings.builder()
                .issuer(identity.issuer().toString())
                .build();
    }

    @Bean
    JWKSource<SecurityContext> signingKeys(IdentityProperties identity) {
        return SigningKeys.from(identity.signingKeyLocation());
    }

    @Bean
    JwtEncoder jwtEncoder(JWKSource<SecurityContext> keys) {
        return new NimbusJwtEncoder(keys);
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
    }
}
