package app.rekindle.support.testing;

import java.util.Map;
import java.util.function.UnaryOperator;

/** The headers docs/limits.md promises on every answer, whoever gave it (Spring Security, a filter, Tomcat itself). */
public final class SecurityHeaderCheck {

    /** Each header and a part its value must contain ({@code no-store} within Spring's longer Cache-Control). */
    public static final Map<String, String> EXPECTED = Map.of(
            "X-Content-Type-Options", "nosniff",
            "Cache-Control", "no-store",
            "X-Frame-Options", "DENY",
            "Content-Security-Policy", "frame-ancestors 'none'",
            "Referrer-Policy", "no-referrer");

    private SecurityHeaderCheck() {}

    /** What is missing, or null when every header is there. */
    public static String missing(UnaryOperator<String> header) {
        for (var expected : EXPECTED.entrySet()) {
            String value = header.apply(expected.getKey());
            if (value == null || !value.contains(expected.getValue())) {
                return "expected " + expected.getKey() + ": " + expected.getValue();
            }
        }
        return null;
    }
}
