package app.rekindle.identity.authorization;

import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The clients Rekindle itself brings, written to the client table at every start so a changed setting (a new
 * dashboard address) takes effect: the dashboard (public, authorization code with PKCE) and the command line
 * (public, device authorization grant). Both get short access tokens and refresh tokens that rotate.
 */
@Configuration(proxyBeanMethods = false)
class RegisteredClients {

    static final String DASHBOARD = "rekindle-dashboard";
    static final String COMMAND_LINE = "rekindle-cli";
    /** What a person's token lets a client do: keep their journals. */
    static final String JOURNALS_SCOPE = "journals";

    static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofMinutes(5);
    static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofHours(12);

    @Bean
    RegisteredClientRepository clients(JdbcOperations jdbc, IdentityProperties identity) {
        JdbcRegisteredClientRepository repository = new JdbcRegisteredClientRepository(jdbc);
        for (RegisteredClient client : List.of(dashboard(identity), commandLine())) {
            repository.save(client);
        }
        return repository;
    }

    private static RegisteredClient dashboard(IdentityProperties identity) {
        RegisteredClient.Builder client = RegisteredClient.withId(DASHBOARD)
                .clientId(DASHBOARD)
                .clientName("Rekindle dashboard")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .scope(JOURNALS_SCOPE)
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(true)
                        .requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(personalTokens());
        identity.dashboardUris()
                .forEach(uri -> client.redirectUri(uri.toString()).postLogoutRedirectUri(uri.toString()));
        return client.build();
    }

    private static RegisteredClient commandLine() {
        return RegisteredClient.withId(COMMAND_LINE)
                .clientId(COMMAND_LINE)
                .clientName("Rekindle on the command line")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.DEVICE_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .scope(JOURNALS_SCOPE)
                .clientSettings(ClientSettings.builder()
                        .requireAuthorizationConsent(true)
                        .build())
                .tokenSettings(personalTokens())
                .build();
    }

    private static TokenSettings personalTokens() {
        return TokenSettings.builder()
                .accessTokenTimeToLive(ACCESS_TOKEN_LIFETIME)
                .refreshTokenTimeToLive(REFRESH_TOKEN_LIFETIME)
                .reuseRefreshTokens(false)
                .build();
    }
}
