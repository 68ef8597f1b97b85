package app.rekindle.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything parses it: a body larger than allowed (413), a body that is not JSON (415 naming
 * Content-Type; Spring would silently drop an optional body of a DELETE otherwise), and a query parameter
 * that is too long or not clean text (400 naming it, see {@link QueryParameters}). A body sent without a
 * length is counted as it is read ({@link LimitedBody}).
 */
public class RequestLimits extends OncePerRequestFilter implements Ordered {

    private final RequestLimitsProperties limits;

    public RequestLimits(RequestLimitsProperties limits) {
        this.limits = limits;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit =
                (request.getRequestURI().endsWith("/import") ? limits.maxImportSize() : limits.maxBodySize()).toBytes();
        if (request.getContentLengthLong() > limit) {
            ProblemWriter.write(response, HttpStatus.CONTENT_TOO_LARGE, tooLarge(limit));
            return;
        }
        boolean hasBody =
                request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
        if (hasBody && !isJson(request.getContentType())) {
            ProblemWriter.write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, notJson());
            return;
        }
        Map<String, Object> badParameter = QueryParameters.check(request.getQueryString(), limits.maxParameterLength());
        if (badParameter != null) {
            ProblemWriter.write(response, HttpStatus.BAD_REQUEST, badParameter);
            return;
        }
        chain.doFilter(new LimitedBody(request, limit), response);
    }

    public static Map<String, Object> tooLarge(long limit) {
        return ProblemWriter.invalid(
                HttpStatus.CONTENT_TOO_LARGE, "body", "max-size", "The body must be at most " + limit + " bytes.");
    }

    public static Map<String, Object> notJson() {
        return ProblemWriter.invalid(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Content-Type",
                "media-type",
                "Content-Type must be application/json.");
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.getType().equals("application")
                    && (type.getSubtype().equals("json") || "json".equals(type.getSubtypeSuffix()));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
