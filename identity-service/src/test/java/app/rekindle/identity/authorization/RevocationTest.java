package app.rekindle.identity.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Signing out of the dashboard, over real HTTP: it revokes its refresh token (a public client, known by its
 * client id alone), which then no longer refreshes, and ends the provider's session (OpenID Connect RP-initiated
 * logout), after which the next sign-in asks for the password again.
 */
class RevocationTest extends ProviderTest {

    private static final String PASSWORD = "a long enough pass phrase";

    private final ProviderHttp browser = new ProviderHttp(ISSUER);

    @Test
    void a_revoked_refresh_token_no_longer_refreshes() throws Exception {
        String name = uniqueName("leaver");
        createAccount(name, PASSWORD);
        browser.signIn(name, PASSWORD);
        String refresh =
                browser.dashboardTokens(DASHBOARD).path("refresh_token").asString();

        HttpResponse<String> revoked = browser.post(
                "/oauth2/revoke",
                Map.of("client_id", "rekindle-dashboard", "token", refresh, "token_type_hint", "refresh_token"));

        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        HttpResponse<String> refreshed = browser.refresh("rekindle-dashboard", refresh);
        assertThat(refreshed.statusCode()).isEqualTo(400);
        assertThat(ProviderHttp.JSON.readTree(refreshed.body()).path("error").asString())
                .isEqualTo("invalid_grant");
    }

    @Test
    void revoking_needs_the_client_the_token_was_issued_to() throws Exception {
        String name = uniqueName("other");
        createAccount(name, PASSWORD);
        browser.signIn(name, PASSWORD);
        String refresh =
                browser.dashboardTokens(DASHBOARD).path("refresh_token").asString();

        browser.post("/oauth2/revoke", Map.of("client_id", "rekindle-cli", "token", refresh));

        assertThat(browser.refresh("rekindle-dashboard", refresh).statusCode())
                .as("another client cannot revoke the dashboard's token")
                .isEqualTo(200);
    }

    @Test
    void signing_out_at_the_provider_ends_its_session_and_returns_to_the_dashboard() throws Exception {
        String name = uniqueName("signout");
        createAccount(name, PASSWORD);
        browser.signIn(name, PASSWORD);
        JsonNode tokens = browser.dashboardTokens(DASHBOARD);

        HttpResponse<String> signedOut = browser.get("/connect/logout?"
                + ProviderHttp.form(Map.of(
                        "id_token_hint",
                        tokens.path("id_token").asString(),
                        "post_logout_redirect_uri",
                        DASHBOARD,
                        "state",
                        "bye")));

        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(signedOut.headers().firstValue("Location").orElseThrow()).isEqualTo(DASHBOARD + "?state=bye");
        HttpResponse<String> again = browser.send(HttpRequest.newBuilder(browser.uri("/oauth2/authorize?"
                        + ProviderHttp.form(Map.of(
                                "response_type", "code",
                                "client_id", "rekindle-dashboard",
                                "redirect_uri", DASHBOARD,
                                "scope", "openid journals",
                                "code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                                "code_challenge_method", "S256"))))
                .header("Accept", "text/html")
                .build());
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(again.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }
}
