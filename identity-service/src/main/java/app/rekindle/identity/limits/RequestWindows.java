package app.rekindle.identity.limits;

import app.rekindle.support.web.ProblemWriter;
import app.rekindle.support.web.RequestLimits;
import app.rekindle.support.web.TextRules;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What the provider takes of any request, before Spring Security or a page reads it (docs/identity.md, "Limits"):
 *
 * <ul>
 *   <li>a body of at most {@code server.tomcat.max-http-form-post-size}, sent with its length. Tomcat bounds form
 *       posts by that size; JSON (the passkey ceremonies, demo tokens) it would read whole, so this bounds every
 *       body alike (413), and a body without a length is refused (411) rather than counted;
 *   <li>parameters (query and form) of clean text ({@link TextRules}): above all no NUL, which PostgreSQL cannot
 *       hold, so that a client id or token holding one made the lookup itself fail with a 500;
 *   <li>on the OAuth and OpenID Connect endpoints, each parameter at most once (RFC 6749, section 3.1), but for
 *       the scopes of a consent form; Spring Authorization Server's PKCE check failed with a 500 on a repeated
 *       {@code code}.
 * </ul>
 *
 * Each refusal is a 400 (or 411, 413) problem+json that names the parameter but never repeats its value; on the
 * OAuth endpoints it also carries the protocol's {@code error} code.
 */
@Component
class RequestWindows extends OncePerRequestFilter implements Ordered {

    private final long maxBody;

    RequestWindows(@Value("${server.tomcat.max-http-form-post-size}") DataSize maxBody) {
        this.maxBody = maxBody.toBytes();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBody) {
            // The services' own words for the same refusal.
            refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, RequestLimits.tooLarge(maxBody));
            return;
        }
        if (request.getContentLengthLong() < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            refuse(
                    request,
                    response,
                    HttpStatus.LENGTH_REQUIRED,
                    "Content-Length",
                    "required",
                    "A body needs its Content-Length.");
            return;
        }
        boolean oauth = isOAuthEndpoint(request.getRequestURI());
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            String name = parameter.getKey();
            if (!TextRules.isSafe(name)) {
                refuse(
                        request,
                        response,
                        HttpStatus.BAD_REQUEST,
                        "parameters",
                        TextRules.RULE,
                        "A parameter's name holds characters that are not allowed.");
                return;
            }
            for (String value : parameter.getValue()) {
                if (!TextRules.isSafe(value)) {
                    refuse(
                            request,
                            response,
                            HttpStatus.BAD_REQUEST,
                            name,
                            TextRules.RULE,
                            name + " holds control, direction-override or other characters that are not allowed.");
                    return;
                }
            }
            if (oauth && parameter.getValue().length > 1 && !(name.equals("scope") && isConsent(request))) {
                refuse(request, response, HttpStatus.BAD_REQUEST, name, "once", name + " must be sent once.");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The endpoints of Spring Authorization Server (its OAuth, OpenID Connect and device grant paths). */
    private static boolean isOAuthEndpoint(String path) {
        return path.startsWith("/oauth2/") || path.startsWith("/connect/") || path.equals("/userinfo");
    }

    /** A consent form's answer: Spring Authorization Server takes each allowed scope as a {@code scope} of its own. */
    private static boolean isConsent(HttpServletRequest request) {
        return request.getMethod().equals("POST")
                && (request.getRequestURI().equals("/oauth2/authorize")
                        || request.getRequestURI().equals("/oauth2/device_verification"));
    }

    private static void refuse(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status,
            String field,
            String rule,
            String message)
            throws IOException {
        refuse(request, response, status, ProblemWriter.invalid(status, field, rule, message));
    }

    private static void refuse(
            HttpServletRequest request, HttpServletResponse response, HttpStatus status, Map<String, Object> problem)
            throws IOException {
        if (isOAuthEndpoint(request.getRequestURI())) {
            // An OAuth client reads this member of a JSON error (RFC 6749, section 5.2).
            problem.put("error", "invalid_request");
        }
        if (status != HttpStatus.BAD_REQUEST) {
            // The body was not read: the connection is not reused for another request after it.
            response.setHeader(HttpHeaders.CONNECTION, "close");
        }
        ProblemWriter.write(response, status, problem);
    }
}
