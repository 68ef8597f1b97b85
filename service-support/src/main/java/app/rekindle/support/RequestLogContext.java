package app.rekindle.support;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the request's trace id (from a W3C traceparent header, else a new one) and the journal id from the path
 * into the logging MDC, so every log line of a request can be found and grouped. Ids only: no text a person
 * wrote ever reaches the MDC.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestLogContext extends OncePerRequestFilter {

    public static final String TRACE_ID = "traceId";
    public static final String JOURNAL_ID = "journalId";
    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final Pattern JOURNAL_PATH = Pattern.compile("^/journals/([0-9a-fA-F-]{36})(/.*)?$");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        MDC.put(TRACE_ID, traceId(request.getHeader("traceparent")));
        Matcher journal = JOURNAL_PATH.matcher(request.getRequestURI());
        if (journal.matches()) {
            MDC.put(JOURNAL_ID, journal.group(1));
        }
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(TRACE_ID);
            MDC.remove(JOURNAL_ID);
        }
    }

    public static String traceId(String traceparent) {
        if (traceparent != null) {
            Matcher matcher = TRACEPARENT.matcher(traceparent.trim());
            if (matcher.matches()) {
                return matcher.group(1);
            }
        }
        byte[] random = new byte[16];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
