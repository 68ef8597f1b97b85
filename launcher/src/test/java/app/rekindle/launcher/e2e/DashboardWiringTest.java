package app.rekindle.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.launcher.EmbeddedStack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * What the dashboard needs from the stack, over plain HTTP: its page and assets without a token, its
 * configuration, and the command service answering cross-origin calls from the dashboard's origin only.
 */
class DashboardWiringTest {

    private final EmbeddedStack stack = RunningStack.get();
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void the_page_its_assets_and_its_configuration_need_no_token_but_the_data_still_does() throws Exception {
        HttpResponse<String> page = get(stack.dashboardUrl());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Rekindle");
        assertThat(get(stack.queryUrl().resolve("/dashboard/app.js")).statusCode())
                .isEqualTo(200);
        assertThat(get(stack.queryUrl().resolve("/webjars/chart.js/dist/chart.umd.min.js"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(get(stack.queryUrl().resolve("/vendor/oidc-client-ts/3.5.0/oidc-client-ts.min.js"))
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> config = get(stack.queryUrl().resolve("/dashboard/config"));
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body())
                .contains("\"commandServiceUrl\":\"" + stack.commandUrl() + "\"")
                .contains("\"issuer\":\"" + stack.identityUrl() + "\"")
                .contains("\"clientId\":\"rekindle-dashboard\"")
                .contains("\"demo\":" + stack.demo());

        assertThat(get(stack.queryUrl().resolve("/journals")).statusCode()).isEqualTo(401);
    }

    @Test
    void the_command_service_answers_cross_origin_calls_from_the_dashboard_and_refuses_other_origins()
            throws Exception {
        String dashboard = "http://localhost:" + stack.queryUrl().getPort();

        HttpResponse<String> allowed = preflight(dashboard);
        HttpResponse<String> refused = preflight("http://elsewhere.example");

        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains(dashboard);
        assertThat(allowed.headers()
                        .firstValue("Access-Control-Allow-Headers")
                        .orElse("")
                        .toLowerCase())
                .contains("authorization");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private HttpResponse<String> preflight(String origin) throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(stack.commandUrl().resolve("/journals/x/check-ins"))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", origin)
                        .header("Access-Control-Request-Method", "POST")
                        .header("Access-Control-Request-Headers", "authorization,content-type")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
