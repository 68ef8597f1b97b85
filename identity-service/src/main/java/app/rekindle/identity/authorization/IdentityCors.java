package app.rekindle.identity.authorization;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The dashboard runs in the browser on another origin and talks to this provider with {@code fetch}: discovery,
 * keys, the token exchange and refresh, revocation and user info. Only the dashboard's own origins (those of
 * {@code rekindle.identity.dashboard-uris}) may; any other origin gets no CORS headers. Sign-in and sign-out
 * are page navigations and need none.
 */
final class IdentityCors {

    private static final List<String> PATHS =
            List.of("/.well-known/**", "/oauth2/token", "/oauth2/revoke", "/oauth2/jwks", "/userinfo");

    private IdentityCors() {}

    static CorsConfigurationSource of(IdentityProperties identity) {
        CorsConfiguration dashboard = new CorsConfiguration();
        dashboard.setAllowedOrigins(identity.dashboardUris().stream()
                .map(IdentityCors::originOf)
                .distinct()
                .toList());
        dashboard.setAllowedMethods(List.of("GET", "POST"));
        dashboard.setAllowedHeaders(List.of("Authorization", "Content-Type"));
        // Tokens travel in the body and the Authorization header, never in cookies.
        dashboard.setAllowCredentials(false);
        dashboard.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        PATHS.forEach(path -> source.registerCorsConfiguration(path, dashboard));
        return source;
    }

    /**
     * The browser's preflight for those paths: Spring's endpoint matcher knows only the methods the endpoints
     * take, so without this the preflight would go to the account pages' chain and be sent to sign in.
     */
    static RequestMatcher preflights() {
        return new OrRequestMatcher(PATHS.stream()
                .map(path -> PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.OPTIONS, path))
                .toList());
    }

    private static String originOf(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
