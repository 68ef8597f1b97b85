package app.rekindle.support.security;

import app.rekindle.support.web.SecurityHeaders;
import java.time.Duration;
import java.util.List;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * The security both services share; each adds only which paths are public. Bearer JWTs (the person is the
 * token's subject), stateless, CSRF off (no cookies), every refusal as problem+json, and headers that keep
 * answers out of caches, frames and other sites' referrers.
 */
public final class ServiceSecurity {

    /**
     * Anyone may read these: health, info, the metrics scrape and the API description. The scrape stays open
     * because Prometheus reads it without a token by default and it holds no person's data: counters and timers
     * labelled by command or event type, outcome, route template and partition — never a journal id, subject or
     * text ({@code MetricsIntegrationTest}, {@code MetricsTest}).
     */
    public static final String[] PUBLIC_GETS = {
        "/actuator/health",
        "/actuator/health/**",
        "/actuator/info",
        "/actuator/prometheus",
        "/v3/api-docs",
        "/v3/api-docs/**",
        "/swagger-ui/**",
        "/swagger-ui.html"
    };
    /** The rest of the actuator (metrics by name and tag, …): operators only ({@link Operators}). */
    public static final String[] OPERATOR_PATHS = {"/actuator", "/actuator/**"};

    private static final Duration ONE_YEAR = Duration.ofDays(365);

    private ServiceSecurity() {}

    public static HttpSecurity apply(HttpSecurity http, CorsConfigurationSource cors) throws Exception {
        CorsFilter corsFilter = new CorsFilter(cors);
        corsFilter.setCorsProcessor(new ProblemCorsProcessor());
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint();
        ProblemAccessDeniedHandler denied = new ProblemAccessDeniedHandler();
        return http.oauth2ResourceServer(oauth -> oauth.jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(denied))
                .exceptionHandling(handling ->
                        handling.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Spring Security's own CORS filter, with a processor that refuses as problem+json.
                .cors(configurer -> configurer.disable())
                .addFilterAfter(corsFilter, HeaderWriterFilter.class)
                .csrf(csrf -> csrf.disable())
                // nosniff and Cache-Control: no-store are Spring Security's defaults, kept; HSTS is sent on
                // HTTPS requests only (a browser ignores it on plain HTTP anyway). SecurityHeaders has the same
                // values for the answers given outside this chain.
                .headers(headers -> headers.frameOptions(frame -> frame.deny())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(SecurityHeaders.CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .httpStrictTransportSecurity(
                                hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(ONE_YEAR.toSeconds())));
    }

    /**
     * Cross-origin calls only from the origins named (the dashboard's, when served elsewhere); none when the
     * list is empty, the default: then every cross-origin request, preflight or not, is refused with 403
     * rather than answered without CORS headers. Same-origin requests are not CORS and pass either way.
     * Bearer tokens travel in a header, never in cookies, so credentials stay off.
     */
    public static CorsConfigurationSource cors(
            List<String> allowedOrigins, List<String> methods, List<String> headers) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        List<String> origins = allowedOrigins.stream()
                .map(String::strip)
                .filter(o -> !o.isEmpty())
                .toList();
        CorsConfiguration config = new CorsConfiguration();
        if (origins.isEmpty()) {
            source.registerCorsConfiguration("/**", config);
            return source;
        }
        config.setAllowedOrigins(origins);
        config.setAllowedMethods(methods);
        config.setAllowedHeaders(headers);
        config.setExposedHeaders(List.of("Location"));
        config.setMaxAge(Duration.ofHours(1));
        source.registerCorsConfiguration("/**", config);
        return source;
    }
}
