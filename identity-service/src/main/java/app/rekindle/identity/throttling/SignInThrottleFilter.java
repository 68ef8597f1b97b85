package app.rekindle.identity.throttling;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in while its name or address is blocked, before any password is checked, with the very answer a
 * wrong password gets (the same failure handler): nobody learns from it whether an account exists or is blocked.
 * A passkey sign-in names no account, so only its address is looked at.
 */
public class SignInThrottleFilter extends OncePerRequestFilter {

    private static final RequestMatcher PASSWORD = PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/login");
    private static final RequestMatcher PASSKEY =
            PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/login/webauthn");

    private final SignInThrottle throttle;
    private final AuthenticationFailureHandler passwordFailed;
    private final AuthenticationFailureHandler passkeyFailed;

    /**
     * @param passwordFailed the handler the password form's failures go to
     * @param passkeyFailed the handler the passkey sign-in's failures go to
     */
    public SignInThrottleFilter(
            SignInThrottle throttle,
            AuthenticationFailureHandler passwordFailed,
            AuthenticationFailureHandler passkeyFailed) {
        this.throttle = throttle;
        this.passwordFailed = passwordFailed;
        this.passkeyFailed = passkeyFailed;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (PASSWORD.matches(request) && throttle.refusesSignIn(request.getParameter("username"), addressOf(request))) {
            passwordFailed.onAuthenticationFailure(request, response, refused());
        } else if (PASSKEY.matches(request) && throttle.refusesSignIn(null, addressOf(request))) {
            passkeyFailed.onAuthenticationFailure(request, response, refused());
        } else {
            chain.doFilter(request, response);
        }
    }

    /**
     * The address the connection comes from. Behind a proxy that is the proxy, unless the operator sets
     * {@code server.forward-headers-strategy} so that Tomcat takes it from {@code X-Forwarded-For}.
     */
    static String addressOf(HttpServletRequest request) {
        return request.getRemoteAddr();
    }

    private static BadCredentialsException refused() {
        return new BadCredentialsException("Bad credentials");
    }
}
