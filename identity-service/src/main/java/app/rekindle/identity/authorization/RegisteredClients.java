package app.rekindle.identity.authorization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.crypto.password.PasswordEncoder;
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
 * dashboard address, a rotated secret) takes effect: the dashboard (public, authorization code with PKCE) and the
 * command line (public, device authorization grant), which get short access tokens and refresh tokens that
 * rotate; and the query service (confidential, client credentials), which fetches journal keys with its token.
 */
@Configuration(proxyBeanMethods = false)
class RegisteredClients {

    static final String DASHBOARD = "rekindle-dashboard";
    static final String COMMAND_LINE = "rekindle-cli";
    static final String QUERY_SERVICE = "rekindle-query-service";
    /** What a person's token lets a client do: keep their journals. */
    static final String JOURNALS_SCOPE = "journals";
    /** What the query service's token lets it do: fetch journals' data keys from the command service. */
    static final String JOURNAL_KEYS_SCOPE = "journal-keys";

    static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofMinutes(5);
    static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofHours(12);

    @Bean
    RegisteredClientRepository clients(JdbcOperations jdbc, IdentityProperties identity, PasswordEncoder passwords) {
        JdbcRegisteredClientRepository repository = new JdbcRegisteredClientRepository(jdbc);
        for (RegisteredClient client : List.of(dashboard(identity), commandLine())) {
            repository.save(client);
        }
        if (identity.queryServiceSecretFile() == null) {
            // A secret file taken away takes the client away: its old secret must not keep working.
            jdbc.update("DELETE FROM oauth2_registered_client WHERE id = ?", QUERY_SERVICE);
        } else {
            repository.save(queryService(passwords.encode(secretIn(identity.queryServiceSecretFile()))));
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

    /** Only a hash of the secret is stored, like a password's. */
    private static RegisteredClient queryService(String hashedSecret) {
        return RegisteredClient.withId(QUERY_SERVICE)
                .clientId(QUERY_SERVICE)
                .clientName("Rekindle query service")
                .clientSecret(hashedSecret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope(JOURNAL_KEYS_SCOPE)
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(ACCESS_TOKEN_LIFETIME)
                        .build())
                .build();
    }

    /** The file's content without the line break an editor or {@code echo} leaves at its end. */
    private static String secretIn(Path file) {
        String secret;
        try {
            secret = Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read rekindle.identity.query-service-secret-file " + file, e);
        }
        if (secret.isEmpty()) {
            throw new IllegalStateException("rekindle.identity.query-service-secret-file " + file + " is empty");
        }
        return secret;
    }

    private static TokenSettings personalTokens() {
        return TokenSettings.builder()
                .accessTokenTimeToLive(ACCESS_TOKEN_LIFETIME)
                .refreshTokenTimeToLive(REFRESH_TOKEN_LIFETIME)
                .reuseRefreshTokens(false)
                .build();
    }
}
