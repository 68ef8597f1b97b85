package app.rekindle.identity.demo;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.identity.authorization.ProviderHttp;
import app.rekindle.identity.authorization.ProviderTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's name-only form (demo mode) posts JSON to /demo/tokens from its own origin: the browser's
 * preflight and the answer carry CORS headers for the dashboard's origin only.
 */
class DemoTokensFromTheDashboardTest extends ProviderTest {

    private static final String DASHBOARD_ORIGIN = "http://localhost:8081";

    private final ProviderHttp browser = new ProviderHttp(ISSUER);

    @Test
    void the_dashboard_may_ask_for_a_demo_token_from_the_browser() throws Exception {
        HttpResponse<String> preflight = preflight(DASHBOARD_ORIGIN);
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .contains(DASHBOARD_ORIGIN);

        HttpResponse<String> token = browser.send(HttpRequest.newBuilder(URI.create(ISSUER + "/demo/tokens"))
                .header("Origin", DASHBOARD_ORIGIN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"alice\"}"))
                .build());
        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(token.headers().firstValue("Access-Control-Allow-Origin")).contains(DASHBOARD_ORIGIN);
        assertThat(token.headers().firstValue("Access-Control-Allow-Credentials"))
                .isEmpty();
    }

    @Test
    void another_origin_is_refused_without_cors_headers() throws Exception {
        HttpResponse<String> preflight = preflight("https://elsewhere.example");

        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .isEmpty();
    }

    private HttpResponse<String> preflight(String origin) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(ISSUER + "/demo/tokens"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .build());
    }
}
