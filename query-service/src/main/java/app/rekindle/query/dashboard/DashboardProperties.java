package app.rekindle.query.dashboard;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the dashboard page needs to know about its surroundings ({@code rekindle.dashboard.*}).
 *
 * @param commandServiceUrl where the page sends writes ({@code REKINDLE_COMMAND_SERVICE_URL}); the command service
 *                          must allow this service's origin through {@code rekindle.cors.allowed-origins}
 * @param issuer            the OpenID Connect provider people sign in at; by default the issuer this service
 *                          checks tokens against ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}).
 *                          Without one the page offers only "paste a token"
 * @param clientId          the dashboard's client id at that provider (a public client: code flow with PKCE)
 * @param demo              the provider hands out demo tokens for any name ({@code REKINDLE_DASHBOARD_DEMO}), so
 *                          the page shows a "Demo mode" strip and may sign in by name only
 */
@ConfigurationProperties("rekindle.dashboard")
record DashboardProperties(
        String commandServiceUrl,
        String issuer,
        @DefaultValue("rekindle-dashboard") String clientId,
        boolean demo) {

    DashboardProperties {
        // The default is a placeholder for the resource server's issuer, empty when it has none.
        issuer = issuer == null || issuer.isBlank() ? null : issuer.strip();
    }
}
