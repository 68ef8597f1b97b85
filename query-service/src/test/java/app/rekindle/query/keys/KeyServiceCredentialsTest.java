package app.rekindle.query.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rekindle.support.testing.IdentityProviderProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The query service's own token, from the real identity service (its executable jar, a child process): the
 * client-credentials grant with the secret from the file, a token the services accept for the key path, kept
 * while it is fresh, and every failure an outage to retry — never an erased journal.
 */
class KeyServiceCredentialsTest {

    private static final IdentityProviderProcess PROVIDER = IdentityProviderProcess.get();
    private final HttpClient http = HttpClient.newHttpClient();

    private KeyServiceProperties properties(URI tokenUri, Path secretFile) {
        return new KeyServiceProperties(
                URI.create("http://localhost:1"),
                tokenUri,
                "rekindle-query-service",
                secretFile,
                10,
                Duration.ofSeconds(5));
    }

    @Test
    void the_provider_grants_a_journal_keys_token_for_rekindles_api_that_a_resource_server_accepts() {
        KeyServiceCredentials credentials = new KeyServiceCredentials(
                properties(PROVIDER.tokenUri(), PROVIDER.queryClientSecretFile()), http, Clock.systemUTC());

        String token = credentials.bearer();

        // Checked as the command service checks it: the provider's keys, its issuer, audience rekindle-api.
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(
                        PROVIDER.issuer().toString())
                .build();
        decoder.setJwtValidator(
                JwtValidators.createDefaultWithIssuer(PROVIDER.issuer().toString()));
        Jwt jwt = decoder.decode(token);
        assertThat(jwt.getSubject()).isEqualTo("rekindle-query-service");
        assertThat(jwt.getAudience()).containsExactly("rekindle-api");
        assertThat(jwt.getClaimAsStringList("scope")).containsExactly("journal-keys");
    }

    @Test
    void a_token_is_reused_until_a_minute_before_it_expires_then_fetched_anew() {
        MovableClock clock = new MovableClock(Instant.now());
        KeyServiceCredentials credentials = new KeyServiceCredentials(
                properties(PROVIDER.tokenUri(), PROVIDER.queryClientSecretFile()), http, clock);

        String first = credentials.bearer();
        clock.now = clock.now.plus(Duration.ofMinutes(3)); // access tokens live five minutes
        assertThat(credentials.bearer()).isEqualTo(first);

        clock.now = clock.now.plus(Duration.ofSeconds(61)); // 4 min 1 s: inside the last minute
        assertThat(credentials.bearer()).isNotEqualTo(first);
    }

    @Test
    void a_wrong_secret_is_an_outage_to_retry() throws Exception {
        Path wrong = Files.writeString(Files.createTempFile("query-service", ".secret"), "not-the-secret");
        KeyServiceCredentials credentials =
                new KeyServiceCredentials(properties(PROVIDER.tokenUri(), wrong), http, Clock.systemUTC());

        assertThatThrownBy(credentials::bearer)
                .isInstanceOf(KeyServiceUnavailable.class)
                .hasMessageContaining("answered 401");
    }

    @Test
    void a_key_fetch_with_a_wrong_secret_is_an_outage_and_never_reads_as_an_erased_journal() throws Exception {
        Path wrong = Files.writeString(Files.createTempFile("query-service", ".secret"), "not-the-secret");
        RemoteDataKeys keys = new RemoteDataKeys(properties(PROVIDER.tokenUri(), wrong));

        assertThatThrownBy(() -> keys.find(UUID.randomUUID(), "k1")).isInstanceOf(KeyServiceUnavailable.class);
    }

    @Test
    void an_unreachable_provider_is_an_outage_to_retry() {
        KeyServiceCredentials credentials = new KeyServiceCredentials(
                properties(URI.create("http://localhost:1/oauth2/token"), PROVIDER.queryClientSecretFile()),
                http,
                Clock.systemUTC());

        assertThatThrownBy(credentials::bearer).isInstanceOf(KeyServiceUnavailable.class);
    }

    /** A clock the test moves; the credential reads it on every call. */
    private static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
