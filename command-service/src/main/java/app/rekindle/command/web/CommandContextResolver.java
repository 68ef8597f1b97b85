package app.rekindle.command.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
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
    public CommandContext resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                          NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Jwt jwt)) {
            throw new IllegalStateException("Commands need an authenticated bearer token");
        }
        String key = request.getHeader(IDEMPOTENCY_KEY);
        if (key != null && (key.isBlank() || key.length() > MAX_KEY_LENGTH)) {
            throw new InvalidHeader(IDEMPOTENCY_KEY, "Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " characters.");
        }
        return new CommandContext(jwt.getSubject(), key, version(request.getHeader(HttpHeaders.IF_MATCH)),
                request.getMethod(), request.getRequestURI());
    }

    /** If-Match carries the journal version as an entity tag: {@code 3}, {@code "3"} or {@code W/"3"}. */
    private static Long version(String ifMatch) {
        if (ifMatch == null) {
            return null;
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            long version = Long.parseLong(tag);
            if (version >= 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidHeader(HttpHeaders.IF_MATCH, "If-Match must be a journal version such as \"3\".");
    }
}
