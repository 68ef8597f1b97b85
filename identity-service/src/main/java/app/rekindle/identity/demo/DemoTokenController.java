package app.rekindle.identity.demo;

import app.rekindle.identity.authorization.ApiTokens;
import app.rekindle.support.security.LoopbackOnly;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * {@code POST /demo/tokens {"username": "alice"}}: a 12-hour token for the Rekindle API whose subject is
 * {@code demo:alice}, a name no account's subject (a UUID) can ever be, so demo journals and real ones never mix.
 */
@RestController
@ConditionalOnProperty(name = "rekindle.identity.demo.enabled", havingValue = "true")
class DemoTokenController {

    static final String PATH = "/demo/tokens";
    static final String SUBJECT_PREFIX = "demo:";
    static final Duration LIFETIME = Duration.ofHours(12);
    /** A person's scope: what the dashboard's and the command line's tokens carry too. */
    static final String SCOPE = "journals";
    /** The user names the command service's development tokens always took. */
    static final String USERNAME = "[A-Za-z0-9._@-]{1,64}";

    record TokenRequest(@NotNull @Pattern(regexp = USERNAME) String username) {}

    record TokenResponse(String token, Instant expiresAt) {}

    private final ApiTokens tokens;

    DemoTokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping(PATH)
    TokenResponse issue(@Valid @RequestBody TokenRequest request, HttpServletRequest http)
            throws NoResourceFoundException {
        if (!LoopbackOnly.fromThisMachine(http)) {
            // Only a signed-in person elsewhere gets this far (the demo chain lets loopback through alone): what
            // Spring MVC raises for a route that does not exist, so the answer is that one.
            throw new NoResourceFoundException(HttpMethod.POST, http.getRequestURI(), PATH.substring(1));
        }
        Jwt token = tokens.issue(
                SUBJECT_PREFIX + request.username(), SCOPE, LIFETIME, Map.of("preferred_username", request.username()));
        return new TokenResponse(token.getTokenValue(), token.getExpiresAt());
    }
}
