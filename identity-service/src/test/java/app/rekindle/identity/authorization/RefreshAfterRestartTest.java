package app.rekindle.identity.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.identity.IdentityServiceApplication;
import app.rekindle.identity.RunningProvider;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * A restart signs nobody out: the provider is stopped and started again on the same schema, and the refresh
 * tokens it gave before (the dashboard's after a password sign-in, the command line's after a device grant) still
 * refresh. Each stored authorization holds the signed-in person as typed JSON that must read back in a new JVM
 * state (the Jackson allowlist once made this answer 500).
 */
class RefreshAfterRestartTest {

    private static final String PASSWORD = "a long enough pass phrase";

    private final int port = RunningProvider.freePort();
    private final String issuer = RunningProvider.issuer(port);
    private final String schema = RunningProvider.newSchema();

    @Test
    void refresh_tokens_from_before_a_restart_still_refresh_after_it() throws Exception {
        String dashboardRefresh;
        String commandLineRefresh;
        try (ConfigurableApplicationContext before = start()) {
            String name = "Restarted";
            RunningProvider.createAccount(
                    before.getBean(JdbcClient.class), before.getBean(PasswordEncoder.class), name, PASSWORD);
            ProviderHttp browser = new ProviderHttp(issuer);
            browser.signIn(name, PASSWORD);
            dashboardRefresh = browser.dashboardTokens(ProviderTest.DASHBOARD)
                    .path("refresh_token")
                    .asString();
            commandLineRefresh = deviceGrant(browser).path("refresh_token").asString();
        }

        try (ConfigurableApplicationContext after = start()) {
            assertThat(after.getBean(JdbcClient.class)
                            .sql("SELECT count(*) FROM oauth2_authorization")
                            .query(Long.class)
                            .single())
                    .as("the two authorizations made before the restart, read from the table")
                    .isEqualTo(2);
            ProviderHttp client = new ProviderHttp(issuer);
            HttpResponse<String> dashboard = client.refresh("rekindle-dashboard", dashboardRefresh);
            HttpResponse<String> commandLine = client.refresh("rekindle-cli", commandLineRefresh);

            assertThat(dashboard.statusCode()).as(dashboard.body()).isEqualTo(200);
            assertThat(ProviderHttp.JSON
                            .readTree(dashboard.body())
                            .path("access_token")
                            .asString())
                    .isNotBlank();
            assertThat(commandLine.statusCode()).as(commandLine.body()).isEqualTo(200);
            assertThat(ProviderHttp.JSON
                            .readTree(commandLine.body())
                            .path("access_token")
                            .asString())
                    .isNotBlank();
        }
    }

    private ConfigurableApplicationContext start() {
        // As arguments: they outrank application.yml, as in a real start (builder properties are only defaults).
        return new SpringApplicationBuilder(IdentityServiceApplication.class)
                .run(RunningProvider.properties(schema, port, RunningProvider.DASHBOARD).entrySet().stream()
                        .map(property -> "--" + property.getKey() + "=" + property.getValue())
                        .toArray(String[]::new));
    }

    /** The device grant as in DeviceGrantTest, for a person signed in in {@code browser}. */
    private JsonNode deviceGrant(ProviderHttp browser) throws Exception {
        ProviderHttp commandLine = new ProviderHttp(issuer);
        JsonNode device = ProviderHttp.JSON.readTree(commandLine
                .post("/oauth2/device_authorization", Map.of("client_id", "rekindle-cli", "scope", "journals"))
                .body());
        URI complete = URI.create(device.path("verification_uri_complete").asString());
        HttpResponse<String> consent =
                browser.follow(browser.get(complete.getRawPath() + "?" + complete.getRawQuery()));
        browser.submit(consent.body(), "allow-form");
        HttpResponse<String> tokens = commandLine.post(
                "/oauth2/token",
                Map.of(
                        "grant_type", "urn:ietf:params:oauth:grant-type:device_code",
                        "device_code", device.path("device_code").asString(),
                        "client_id", "rekindle-cli"));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        return ProviderHttp.JSON.readTree(tokens.body());
    }
}
