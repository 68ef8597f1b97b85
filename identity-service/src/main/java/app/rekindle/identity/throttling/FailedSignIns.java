package app.rekindle.identity.throttling;

import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Counts what Spring Security reports about people's sign-ins (the password form and passkeys; clients and
 * bearer tokens are not people signing in). An unknown name fails as a wrong password does and is counted alike.
 */
@Component
class FailedSignIns {

    private final SignInThrottle throttle;

    FailedSignIns(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        Authentication attempt = event.getAuthentication();
        if (attempt instanceof UsernamePasswordAuthenticationToken) {
            currentAddress().ifPresent(address -> throttle.failedSignIn(attempt.getName(), address));
        } else if (attempt instanceof WebAuthnAuthenticationRequestToken) {
            currentAddress().ifPresent(address -> throttle.failedSignIn(null, address));
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        Authentication authentication = event.getAuthentication();
        if (authentication instanceof UsernamePasswordAuthenticationToken) {
            throttle.succeededSignIn(authentication.getName());
        }
    }

    /** The events carry no request; they are published on the request's own thread, where Spring keeps it. */
    private static Optional<String> currentAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? Optional.of(attributes.getRequest()).map(SignInThrottleFilter::addressOf)
                : Optional.empty();
    }
}
