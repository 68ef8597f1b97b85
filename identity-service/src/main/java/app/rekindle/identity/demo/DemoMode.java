package app.rekindle.identity.demo;

import app.rekindle.identity.authorization.IdentityProperties;
import app.rekindle.support.security.LoopbackOnly;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Demo mode ({@code rekindle.identity.demo.enabled}, off by default): a token for any name, without an account,
 * for trying Rekindle out on one's own machine. Only a request from this machine ({@link LoopbackOnly}) reaches
 * the demo endpoint through this chain; any other falls through to the account pages' chain like a path that
 * does not exist there.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "rekindle.identity.demo.enabled", havingValue = "true")
class DemoMode {

    private static final Logger log = LoggerFactory.getLogger(DemoMode.class);

    /** Before the authorization server's and the account pages' chains, which would ask for a session. */
    @Bean
    @Order(0)
    SecurityFilterChain demoTokens(HttpSecurity http, IdentityProperties identity) throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        // The dashboard's name-only form posts JSON from its own origin: the browser asks first (OPTIONS).
        http.securityMatcher(LoopbackOnly.of(new OrRequestMatcher(
                        paths.matcher(HttpMethod.POST, DemoTokenController.PATH),
                        paths.matcher(HttpMethod.OPTIONS, DemoTokenController.PATH))))
                .cors(cors -> cors.configurationSource(dashboardOrigins(identity)))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                // A script's JSON call: no session, no cookie, so nothing a cross-site form could ride on.
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable);
        return http.build();
    }

    /** Only the dashboard's origins (those of {@code rekindle.identity.dashboard-uris}), without credentials. */
    private static UrlBasedCorsConfigurationSource dashboardOrigins(IdentityProperties identity) {
        CorsConfiguration dashboard = new CorsConfiguration();
        dashboard.setAllowedOrigins(identity.dashboardUris().stream()
                .map(uri -> uri.getScheme() + "://" + uri.getRawAuthority())
                .distinct()
                .toList());
        dashboard.setAllowedMethods(List.of("POST"));
        dashboard.setAllowedHeaders(List.of("Content-Type", "Accept"));
        dashboard.setAllowCredentials(false);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration(DemoTokenController.PATH, dashboard);
        return source;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warn() {
        log.warn(
                "DEMO MODE: POST {} gives anyone on this machine a token for any name. Never use it in production.",
                DemoTokenController.PATH);
    }
}
