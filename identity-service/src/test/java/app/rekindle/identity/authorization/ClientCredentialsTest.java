package app.rekindle.identity.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcOperations;
import tools.jackson.databind.JsonNode;

/**
 * The query service's own token (client credentials with the secret from its file), over real HTTP: the claims
 * the command service checks, a wrong secret refused, and the {@code journal-keys} scope kept from people.
 */
class ClientCredentialsTest extends ProviderTest {

    @Autowired
    JdbcOperations jdbcOperations;

    @Autowired
    IdentityProperties identity;

    private final ProviderHttp http = new ProviderHttp(ISSUER);

    @Test
    void the_query_service_with_its_secret_gets_a_journal_keys_token_for_the_rekindle_api() throws Exception {
        HttpResponse<String> answer = clientCredentials(QUERY_SERVICE_SECRET);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode tokens = ProviderHttp.JSON.readTree(answer.body());
        assertThat(tokens.path("scope").asString()).isEqualTo("journal-keys");
        assertThat(tokens.has("refresh_token")).isFalse();
        JWTClaimsSet claims =
                SignedJWT.parse(tokens.path("access_token").asString()).getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(claims.getSubject()).isEqualTo("rekindle-query-service");
        assertThat(claims.getAudience()).containsExactly("rekindle-api");
        assertThat(claims.getStringListClaim("scope")).containsExactly("journal-keys");
    }

    @Test
    void a_wrong_secret_is_an_invalid_client() throws Exception {
        HttpResponse<String> answer = clientCredentials("not " + QUERY_SERVICE_SECRET);

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(ProviderHttp.JSON.readTree(answer.body()).path("error").asString())
                .isEqualTo("invalid_client");
        assertThat(answer.body()).doesNotContain("access_token");
    }

    @Test
    void a_person_asking_the_dashboard_for_journal_keys_gets_no_such_token() throws Exception {
        String name = uniqueName("keyseeker");
        createAccount(name, "a long enough pass phrase");
        http.signIn(name, "a long enough pass phrase");

        HttpResponse<String> authorized = http.get("/oauth2/authorize?"
                + ProviderHttp.form(Map.of(
                        "response_type", "code",
                        "client_id", "rekindle-dashboard",
                        "redirect_uri", DASHBOARD,
                        "scope", "openid journal-keys",
                        "state", "s1",
                        "code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                        "code_challenge_method", "S256")));

        assertThat(authorized.statusCode()).isEqualTo(302);
        String location = authorized.headers().firstValue("Location").orElseThrow();
        assertThat(location)
                .startsWith(DASHBOARD)
                .contains("error=invalid_scope")
                .doesNotContain("code=");
    }

    @Test
    void a_persons_tokens_carry_the_journals_scope_and_never_journal_keys() throws Exception {
        String name = uniqueName("person");
        createAccount(name, "a long enough pass phrase");
        http.signIn(name, "a long enough pass phrase");

        JsonNode tokens = http.dashboardTokens(DASHBOARD);

        JWTClaimsSet claims =
                SignedJWT.parse(tokens.path("access_token").asString()).getJWTClaimsSet();
        assertThat(claims.getStringListClaim("scope")).contains("journals").doesNotContain("journal-keys");
    }

    @Test
    void the_secret_file_read_again_at_start_rotates_the_secret_and_no_file_removes_the_client() throws Exception {
        RegisteredClients registration = new RegisteredClients();
        try {
            registration.clients(jdbcOperations, withSecretFile(secretFile("a rotated secret")), passwords);
            assertThat(clientCredentials("a rotated secret").statusCode()).isEqualTo(200);
            assertThat(clientCredentials(QUERY_SERVICE_SECRET).statusCode()).isEqualTo(401);

            registration.clients(jdbcOperations, withSecretFile(null), passwords);
            assertThat(clientCredentials("a rotated secret").statusCode()).isEqualTo(401);
        } finally {
            registration.clients(jdbcOperations, identity, passwords);
        }
        assertThat(clientCredentials(QUERY_SERVICE_SECRET).statusCode()).isEqualTo(200);
    }

    private IdentityProperties withSecretFile(String file) {
        return new IdentityProperties(
                identity.issuer(),
                identity.signingKeyLocation(),
                identity.dashboardUris(),
                file == null ? null : Path.of(file));
    }

    private HttpResponse<String> clientCredentials(String secret) throws Exception {
        String basic = Base64.getEncoder()
                .encodeToString(("rekindle-query-service:" + secret).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(http.uri("/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        ProviderHttp.form(Map.of("grant_type", "client_credentials", "scope", "journal-keys"))))
                .build());
    }
}
