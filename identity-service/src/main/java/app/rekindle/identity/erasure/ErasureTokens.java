package app.rekindle.identity.erasure;

import app.rekindle.identity.authorization.ApiTokens;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The provider's own credential for one erasure: a token it signs for itself with the scope the command
 * service's erasure endpoint requires, valid for one minute. No person's token ever carries that scope.
 */
@Component
class ErasureTokens {

    static final String SUBJECT = "rekindle-identity-service";
    static final String SCOPE = "accounts-erase";
    static final Duration LIFETIME = Duration.ofMinutes(1);

    private final ApiTokens tokens;

    ErasureTokens(ApiTokens tokens) {
        this.tokens = tokens;
    }

    String issue() {
        return tokens.issue(SUBJECT, SCOPE, LIFETIME, Map.of()).getTokenValue();
    }
}
