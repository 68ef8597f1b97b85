package app.rekindle.query.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read before anyone signs in, so it says nothing about people or journals: only where the writes go and where
 * people sign in.
 */
@RestController
@SecurityRequirements
class DashboardConfigController {

    /**
     * @param issuer null when no provider is configured: then the page offers only "paste a token"
     */
    record DashboardConfig(String commandServiceUrl, String issuer, String clientId, boolean demo) {}

    private final DashboardProperties properties;

    DashboardConfigController(DashboardProperties properties) {
        this.properties = properties;
    }

    @Operation(
            summary = "What the dashboard page needs to start: the command service URL, the OpenID Connect"
                    + " provider and client id it signs in with, and whether that provider is in demo mode")
    @GetMapping("/dashboard/config")
    DashboardConfig config() {
        return new DashboardConfig(
                properties.commandServiceUrl(), properties.issuer(), properties.clientId(), properties.demo());
    }
}
