package app.rekindle.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.launcher.EmbeddedStack;
import app.rekindle.support.testing.WebSession;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A person with a real account on the stack's identity service: signed up through its page (CSRF token, form
 * post, session cookie), then given tokens the way the dashboard gets them, authorization code + PKCE. Every
 * token here is one the provider issued to a person, not a demo token.
 */
final class ProviderAccount {

    private final WebSession browser;
    private final String username;
    private final String password;
    private final JsonNode tokens;

    private ProviderAccount(WebSession browser, String username, String password, JsonNode tokens) {
        this.browser = browser;
        this.username = username;
        this.password = password;
        this.tokens = tokens;
    }

    /** Signs a new person up as {@code prefix-<random>} and takes the dashboard's tokens for them. */
    static ProviderAccount signUp(EmbeddedStack stack, String prefix) {
        return signUp(stack.identityUrl(), dashboard(stack), prefix);
    }

    /** The same on any instance of our provider, e.g. a second one the stack does not trust. */
    static ProviderAccount signUp(URI provider, String dashboard, String prefix) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "a long walk by the river " + UUID.randomUUID();
        WebSession browser = new WebSession(provider.toString());
        HttpResponse<String> signedUp = browser.signUp(username, password);
        assertThat(signedUp.statusCode())
                .as("sign-up of %s: %s", username, signedUp.body())
                .isEqualTo(302);
        return new ProviderAccount(browser, username, password, browser.dashboardTokens(dashboard));
    }

    /** The redirect URI the provider registered for the dashboard: the query service's root. */
    static String dashboard(EmbeddedStack stack) {
        return stack.queryUrl() + "/";
    }

    WebSession browser() {
        return browser;
    }

    String username() {
        return username;
    }

    String password() {
        return password;
    }

    String accessToken() {
        return tokens.get("access_token").asString();
    }

    String refreshToken() {
        return tokens.get("refresh_token").asString();
    }

    /** The access token's {@code sub}: the account's id, which owns the journals this person opens. */
    String subject() {
        String claims = new String(Base64.getUrlDecoder().decode(accessToken().split("\\.")[1]));
        return WebSession.json(claims).get("sub").asString();
    }
}
