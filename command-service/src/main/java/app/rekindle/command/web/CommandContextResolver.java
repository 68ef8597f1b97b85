package app.rekindle.command.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.http.ETag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

final class CommandContextResolver implements HandlerMethodArgumentResolver {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 200;

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == CommandContext.class;
    }

    @Override
    public CommandContext resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Jwt jwt)) {
            throw new IllegalStateException("Commands need an authenticated bearer token");
        }
        String key = request.getHeader(IDEMPOTENCY_KEY);
        if (key != null && (key.isBlank() || key.length() > MAX_KEY_LENGTH)) {
            throw new InvalidHeader(IDEMPOTENCY_KEY, "Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " characters.");
        }
        return new CommandContext(
                jwt.getSubject(), key, version(request), request.getMethod(), request.getRequestURI());
    }

    /**
     * If-Match carries the journal version as one entity tag, {@code "3"} or {@code W/"3"}, read by Spring. A bare
     * {@code 3} is not an RFC 9110 entity tag, so Spring refuses it; the API has always taken it (docs/api.md), so it is
     * read as the tag it stands for. Anything else, several tags or {@code *} included, is a 400 naming If-Match.
     */
    private static Long version(HttpServletRequest request) {
        HttpHeaders headers = new ServletServerHttpRequest(request).getHeaders();
        String raw = headers.getFirst(HttpHeaders.IF_MATCH);
        if (raw == null) {
            return null;
        }
        List<String> tags;
        try {
            tags = headers.getIfMatch();
        } catch (IllegalArgumentException unquoted) {
            tags = List.of(raw.trim());
        }
        if (tags.size() == 1) {
            try {
                long version = Long.parseLong(ETag.create(tags.getFirst()).tag());
                if (version >= 0) {
                    return version;
                }
            } catch (NumberFormatException e) {
                // answered below
            }
        }
        throw new InvalidHeader(HttpHeaders.IF_MATCH, "If-Match must be a journal version such as \"3\".");
    }
}
