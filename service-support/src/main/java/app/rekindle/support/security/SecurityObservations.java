package app.rekindle.support.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * No Micrometer observation around each of Spring Security's filters, nor around authentication and
 * authorization. The profile of a check-in showed that wrapping, a dozen observations per request, costing
 * more CPU than the command's own handling; every request is still timed once, as {@code http.server.requests},
 * and refusals still show there by status. A service imports this from its security wiring.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityObservations {

    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
