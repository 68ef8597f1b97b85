package app.rekindle.identity;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.embedded.SharedTestInfrastructure;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard's way in, over real HTTP against the real provider and PostgreSQL: sign in with a password,
 * authorization code with PKCE, the tokens it gets, a refresh that rotates, and a reused refresh token refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class SignInFlowTest {

    private static final int PORT = RunningProvider.freePort();
    private static final String ISSUER = RunningProvider.issuer(PORT);
    private static final String DASHBOARD = RunningProvider.DASHBOARD;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RunningProvider.register(registry, PORT);
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    private final HttpClient browser = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Test
    void discovery_names_the_issuer_and_the_keys_are_the_configured_one() throws Exception {
        JsonNode discovery =
                JSON.readTree(get("/.well-known/openid-configuration").body());
        assertThat(discovery.path("issuer").asString()).isEqualTo(ISSUER);
        assertThat(discovery.path("device_authorization_endpoint").asString())
                .isEqualTo(ISSUER + "/oauth2/device_authorization");

        JWKSet keys = JWKSet.parse(get("/oauth2/jwks").body());
        RSAKey published = (RSAKey) keys.getKeys().getFirst();
        assertThat(published.toRSAPublicKey())
                .isEqualTo(SharedTestInfrastructure.get().jwtKeys().publicKey());
        assertThat(published.getKeyID()).isEqualTo(published.computeThumbprint().toString());
        assertThat(published.isPrivate()).isFalse();
    }

    @Test
    void a_password_sign_in_gets_the_dashboard_tokens_for_the_rekindle_api_and_refresh_rotates() throws Exception {
        UUID account = createAccount("Robin", "a long enough pass phrase");

        signIn("robin", "a long enough pass phrase");
        JsonNode tokens = codeExchange();

        SignedJWT access = SignedJWT.parse(tokens.path("access_token").asString());
        assertThat(access.getJWTClaimsSet().getIssuer()).isEqualTo(ISSUER);
        assertThat(access.getJWTClaimsSet().getAudience()).containsExactly("rekindle-api");
        assertThat(access.getJWTClaimsSet().getSubject()).isEqualTo(account.toString());
        assertThat(access.getJWTClaimsSet().getStringClaim("preferred_username"))
                .isEqualTo("Robin");
        assertThat(tokens.path("expires_in").asInt()).isBetween(290, 300);
        String refresh = tokens.path("refresh_token").asString();
        assertThat(refresh).isNotBlank();

        HttpResponse<String> refreshed = tokenRequest(
                Map.of("grant_type", "refresh_token", "refresh_token", refresh, "client_id", "rekindle-dashboard"));
        assertThat(refreshed.statusCode()).isEqualTo(200);
        String rotated = JSON.readTree(refreshed.body()).path("refresh_token").asString();
        assertThat(rotated).isNotBlank().isNotEqualTo(refresh);

        HttpResponse<String> reused = tokenRequest(
                Map.of("grant_type", "refresh_token", "refresh_token", refresh, "client_id", "rekindle-dashboard"));
        assertThat(reused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(reused.body()).path("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void a_code_exchange_without_the_pkce_verifier_is_refused() throws Exception {
        createAccount("Sam", "another long pass phrase");
        signIn("sam", "another long pass phrase");
        String code = authorizationCode(challengeOf("the-verifier-the-dashboard-kept-0123456789"));

        HttpResponse<String> withoutVerifier = tokenRequest(Map.of(
                "grant_type",
                "authorization_code",
                "code",
                code,
                "redirect_uri",
                DASHBOARD,
                "client_id",
                "rekindle-dashboard"));
        assertThat(withoutVerifier.statusCode()).as(withoutVerifier.body()).isIn(400, 401);
        assertThat(withoutVerifier.body()).doesNotContain("access_token");
    }

    private UUID createAccount(String username, String password) {
        return RunningProvider.createAccount(jdbc, passwords, username, password);
    }

    private void signIn(String username, String password) throws Exception {
        String page = get("/login").body();
        HttpResponse<String> signedIn =
                post("/login", Map.of("username", username, "password", password, "_csrf", csrfOf(page)));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
    }

    private JsonNode codeExchange() throws Exception {
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(new SecureRandom().generateSeed(32));
        String code = authorizationCode(challengeOf(verifier));
        HttpResponse<String> tokens = tokenRequest(Map.of(
                "grant_type", "authorization_code",
                "code", code,
                "redirect_uri", DASHBOARD,
                "client_id", "rekindle-dashboard",
                "code_verifier", verifier));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        return JSON.readTree(tokens.body());
    }

    private String authorizationCode(String challenge) throws Exception {
        HttpResponse<String> authorized = get("/oauth2/authorize?"
                + form(Map.of(
                        "response_type", "code",
                        "client_id", "rekindle-dashboard",
                        "redirect_uri", DASHBOARD,
                        "scope", "openid profile journals",
                        "state", "s1",
                        "code_challenge", challenge,
                        "code_challenge_method", "S256")));
        assertThat(authorized.statusCode()).isEqualTo(302);
        String location = authorized.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(DASHBOARD);
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        assertThat(code.find()).as(location).isTrue();
        return code.group(1);
    }

    private static String challengeOf(String verifier) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private static String csrfOf(String page) {
        Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as("a CSRF token on the page").isTrue();
        return token.group(1);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return browser.send(
                HttpRequest.newBuilder(URI.create(ISSUER + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Map<String, String> fields)
            throws IOException, InterruptedException {
        return browser.send(
                HttpRequest.newBuilder(URI.create(ISSUER + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(fields)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> tokenRequest(Map<String, String> fields) throws IOException, InterruptedException {
        return post("/oauth2/token", fields);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
