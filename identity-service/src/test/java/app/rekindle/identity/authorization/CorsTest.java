package app.rekindle.identity.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's origin (from {@code rekindle.identity.dashboard-uris}) may call the provider's endpoints from
 * the browser; any other origin gets no CORS headers, so the browser keeps the answer from it.
 */
class CorsTest extends ProviderTest {

    private static final String DASHBOARD_ORIGIN = "http://localhost:8081";
    private static final String ELSEWHERE = "https://elsewhere.example";

    private final ProviderHttp browser = new ProviderHttp(ISSUER);

    @Test
    void the_dashboard_may_preflight_the_token_and_revocation_endpoints() throws Exception {
        for (String path : new String[] {"/oauth2/token", "/oauth2/revoke", "/userinfo"}) {
            HttpResponse<String> preflight = preflight(path, DASHBOARD_ORIGIN);
            assertThat(preflight.statusCode()).as(path).isEqualTo(200);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                    .as(path)
                    .contains(DASHBOARD_ORIGIN);
            assertThat(preflight
                            .headers()
                            .firstValue("Access-Control-Allow-Methods")
                            .orElse(""))
                    .as(path)
                    .contains("POST");
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials"))
                    .as(path)
                    .isEmpty();
        }
    }

    @Test
    void the_dashboard_reads_discovery_and_keys_and_its_token_answers() throws Exception {
        for (String path : new String[] {"/.well-known/openid-configuration", "/oauth2/jwks"}) {
            HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(browser.uri(path))
                    .header("Origin", DASHBOARD_ORIGIN)
                    .build());
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            assertThat(answer.headers().firstValue("Access-Control-Allow-Origin"))
                    .as(path)
                    .contains(DASHBOARD_ORIGIN);
        }
        HttpResponse<String> token = browser.send(HttpRequest.newBuilder(browser.uri("/oauth2/token"))
                .header("Origin", DASHBOARD_ORIGIN)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=refresh_token&refresh_token=unknown&client_id=rekindle-dashboard"))
                .build());
        assertThat(token.statusCode()).isEqualTo(400);
        assertThat(token.headers().firstValue("Access-Control-Allow-Origin")).contains(DASHBOARD_ORIGIN);
    }

    @Test
    void another_origin_gets_no_cors_headers() throws Exception {
        HttpResponse<String> preflight = preflight("/oauth2/token", ELSEWHERE);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .isEmpty();
        assertThat(preflight.statusCode()).isEqualTo(403);

        HttpResponse<String> discovery =
                browser.send(HttpRequest.newBuilder(browser.uri("/.well-known/openid-configuration"))
                        .header("Origin", ELSEWHERE)
                        .build());
        assertThat(discovery.headers().firstValue("Access-Control-Allow-Origin"))
                .isEmpty();
    }

    private HttpResponse<String> preflight(String path, String origin) throws Exception {
        return browser.send(HttpRequest.newBuilder(browser.uri(path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .build());
    }
}
