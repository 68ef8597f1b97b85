package app.rekindle.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.query.QueryServiceTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the page reads before anyone signs in, over real HTTP and without a token. */
class DashboardConfigTest extends QueryServiceTest {

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void the_configuration_names_the_command_service_the_provider_the_client_and_demo_mode_without_a_token()
            throws Exception {
        HttpResponse<String> answer = get("/dashboard/config");

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode config = JsonMapper.builder().build().readTree(answer.body());
        assertThat(config.propertyNames()).containsExactlyInAnyOrder("commandServiceUrl", "issuer", "clientId", "demo");
        assertThat(config.path("commandServiceUrl").asString())
                .isEqualTo(environment.getProperty("rekindle.dashboard.command-service-url"));
        // The resource server's issuer, or none (null) when this service checks tokens against a key file only.
        String issuer = environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri");
        if (issuer == null) {
            assertThat(config.path("issuer").isNull()).isTrue();
        } else {
            assertThat(config.path("issuer").asString()).isEqualTo(issuer);
        }
        assertThat(config.path("clientId").asString()).isEqualTo("rekindle-dashboard");
        assertThat(config.path("demo").asBoolean()).isFalse();
    }

    @Test
    void the_vendored_sign_in_library_is_served_without_a_token_as_javascript() throws Exception {
        HttpResponse<String> script = get("/vendor/oidc-client-ts/3.5.0/oidc-client-ts.min.js");

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type").orElse("")).contains("javascript");
        assertThat(script.body()).startsWith("\"use strict\";var oidc=");
        assertThat(get("/journals").statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
