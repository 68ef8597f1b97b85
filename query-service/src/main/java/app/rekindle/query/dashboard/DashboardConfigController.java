package app.rekindle.query.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Read before anyone signs in, so it says nothing about people or journals: only where the writes go. */
@RestController
@SecurityRequirements
class DashboardConfigController {

    record DashboardConfig(String commandServiceUrl, boolean devSignIn) {}

    private final DashboardProperties properties;

    DashboardConfigController(DashboardProperties properties) {
        this.properties = properties;
    }

    @Operation(
            summary =
                    "What the dashboard page needs to start: the command service URL and whether sign-in by name exists")
    @GetMapping("/dashboard/config")
    DashboardConfig config() {
        return new DashboardConfig(properties.commandServiceUrl(), properties.devSignIn());
    }
}
