package app.rekindle.support.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers every answer carries: no sniffing, no caching, no framing, no referrer. Spring Security writes
 * them on what passes its filter chain ({@code ServiceSecurity}, with these values); answers given before or
 * outside it — Tomcat's own refusals ({@link ProblemReportValve}), the request limits, the error page — set
 * them here.
 */
public final class SecurityHeaders {

    public static final String CACHE_CONTROL = "no-cache, no-store, max-age=0, must-revalidate";
    public static final String CONTENT_SECURITY_POLICY = "frame-ancestors 'none'";
    public static final Map<String, String> ALL;

    static {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("X-Content-Type-Options", "nosniff");
        all.put("Cache-Control", CACHE_CONTROL);
        all.put("Pragma", "no-cache");
        all.put("Expires", "0");
        all.put("X-Frame-Options", "DENY");
        all.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        all.put("Referrer-Policy", "no-referrer");
        ALL = Map.copyOf(all);
    }

    private SecurityHeaders() {}

    public static void applyTo(HttpServletResponse response) {
        ALL.forEach(response::setHeader);
    }
}
