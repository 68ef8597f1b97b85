package app.rekindle.support.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Operators ({@code rekindle.admin.*}), the same in both services: who may run operator commands (rebuild,
 * dead letters, parked events) and read the actuator beyond health, info and the Prometheus scrape.
 *
 * @param subjects token subjects that are operators; empty (the default) makes no one an operator
 */
@ConfigurationProperties("rekindle.admin")
public record Operators(@DefaultValue List<String> subjects) {

    public boolean includes(String subject) {
        return subject != null && subjects.contains(subject);
    }

    /** For the security chain: operators pass; another person's token is refused (403), no token is 401. */
    public AuthorizationManager<RequestAuthorizationContext> only() {
        return (authentication, request) -> {
            Authentication who = authentication.get();
            boolean operator = who != null
                    && who.isAuthenticated()
                    && !(who instanceof AnonymousAuthenticationToken)
                    && includes(who.getName());
            return new AuthorizationDecision(operator);
        };
    }
}
