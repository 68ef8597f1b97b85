package app.rekindle.identity.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The command line's way in (OAuth 2.0 device authorization grant, RFC 8628) over real HTTP: it asks for a code,
 * polls while the person signs in in a browser, enters the code and allows it on our own pages, and then gets
 * the person's tokens. A wrong code and a refusal end without a token.
 */
class DeviceGrantTest extends ProviderTest {

    private static final String DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    private static final String PASSWORD = "a long enough pass phrase";

    private final ProviderHttp commandLine = new ProviderHttp(ISSUER);
    private final ProviderHttp browser = new ProviderHttp(ISSUER);

    @Test
    void the_person_who_enters_the_code_and_allows_it_gives_the_command_line_their_tokens() throws Exception {
        String name = uniqueName("Devi");
        UUID account = createAccount(name, PASSWORD);
        JsonNode device = deviceAuthorization();
        assertThat(device.path("verification_uri").asString()).isEqualTo(ISSUER + "/oauth2/device_verification");
        assertThat(device.path("expires_in").asInt()).isPositive();
        assertThat(poll(device).path("error").asString()).isEqualTo("authorization_pending");

        // The link the command line prints, opened before signing in: sign in first, then back to it.
        HttpResponse<String> opened =
                browser.get(pathOf(device.path("verification_uri_complete").asString()));
        assertThat(opened.statusCode()).isEqualTo(302);
        assertThat(opened.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        String back = browser.signIn(name, PASSWORD);
        assertThat(back).contains("user_code=");
        HttpResponse<String> consent = browser.follow(browser.get(pathOf(back)));
        assertThat(consent.statusCode()).isEqualTo(200);
        assertThat(consent.body())
                .contains(device.path("user_code").asString())
                .contains("Read and write your journals")
                .doesNotContain("https://");

        HttpResponse<String> allowed = browser.submit(consent.body(), "allow-form");
        assertThat(allowed.headers().firstValue("Location").orElseThrow())
                .endsWith("/oauth2/device_verification?success");
        assertThat(browser.follow(allowed).body())
                .contains("id=\"device-success\"")
                .doesNotContain("id=\"device-error\"");

        JsonNode tokens = poll(device);
        assertThat(tokens.path("access_token").asString()).as(tokens.toString()).isNotBlank();
        JWTClaimsSet claims =
                SignedJWT.parse(tokens.path("access_token").asString()).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo(account.toString());
        assertThat(claims.getStringClaim("preferred_username")).isEqualTo(name);
        assertThat(claims.getAudience()).containsExactly("rekindle-api");
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(claims.getStringListClaim("scope")).containsExactly("journals");
        String refresh = tokens.path("refresh_token").asString();
        assertThat(refresh).isNotBlank();

        HttpResponse<String> refreshed = commandLine.refresh("rekindle-cli", refresh);
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        assertThat(ProviderHttp.JSON
                        .readTree(refreshed.body())
                        .path("refresh_token")
                        .asString())
                .isNotBlank()
                .isNotEqualTo(refresh);
        // A device code works once; Spring answers its reuse as it answers a refusal.
        JsonNode reused = poll(device);
        assertThat(reused.has("access_token")).isFalse();
        assertThat(reused.path("error").asString()).isEqualTo("access_denied");
    }

    @Test
    void a_wrong_code_ends_on_a_page_that_says_so_and_gives_no_token() throws Exception {
        String name = uniqueName("typo");
        createAccount(name, PASSWORD);
        JsonNode device = deviceAuthorization();
        browser.signIn(name, PASSWORD);

        HttpResponse<String> entered = browser.get("/oauth2/device_verification?user_code=WRON-GCOD");

        assertThat(entered.headers().firstValue("Location").orElseThrow())
                .endsWith("/oauth2/device_verification?error");
        HttpResponse<String> page = browser.follow(entered);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"device-error\"").contains("id=\"user-code\"");
        assertThat(poll(device).path("error").asString()).isEqualTo("authorization_pending");
    }

    @Test
    void a_refusal_tells_the_command_line_access_denied() throws Exception {
        String name = uniqueName("nope");
        createAccount(name, PASSWORD);
        JsonNode device = deviceAuthorization();
        browser.signIn(name, PASSWORD);

        HttpResponse<String> consent = browser.follow(browser.get("/oauth2/device_verification?user_code="
                + device.path("user_code").asString()));
        HttpResponse<String> refused = browser.submit(consent.body(), "deny-form");

        assertThat(refused.headers().firstValue("Location").orElseThrow())
                .endsWith("/oauth2/device_verification?denied");
        assertThat(browser.follow(refused).body()).contains("id=\"device-denied\"");
        JsonNode answer = poll(device);
        assertThat(answer.path("error").asString()).isEqualTo("access_denied");
        assertThat(answer.has("access_token")).isFalse();
    }

    @Test
    void the_verification_page_without_a_code_asks_for_it_and_loads_nothing_from_elsewhere() throws Exception {
        browser.signIn(createdPerson(), PASSWORD);

        HttpResponse<String> page = browser.get("/oauth2/device_verification");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("name=\"user_code\"")
                .contains("/css/identity.css")
                .doesNotContain("https://")
                .doesNotContain("<script");
    }

    private String createdPerson() {
        String name = uniqueName("page");
        createAccount(name, PASSWORD);
        return name;
    }

    private JsonNode deviceAuthorization() throws Exception {
        HttpResponse<String> answer = commandLine.post(
                "/oauth2/device_authorization", Map.of("client_id", "rekindle-cli", "scope", "journals"));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return ProviderHttp.JSON.readTree(answer.body());
    }

    private JsonNode poll(JsonNode device) throws Exception {
        HttpResponse<String> answer = commandLine.post(
                "/oauth2/token",
                Map.of(
                        "grant_type",
                        DEVICE_CODE_GRANT,
                        "device_code",
                        device.path("device_code").asString(),
                        "client_id",
                        "rekindle-cli"));
        return ProviderHttp.JSON.readTree(answer.body());
    }

    private static String pathOf(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
