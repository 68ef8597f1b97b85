package app.rekindle.command.erasure;

import org.springframework.security.authentication.InsufficientAuthenticationException;

/**
 * A valid token whose owner's account was deleted. An authentication failure, not a rule of the journal: Spring
 * Security's exception translation answers it with the very 401 a request without a token gets, so the answer says
 * nothing a missing token would not.
 */
final class OwnerErased extends InsufficientAuthenticationException {

    OwnerErased() {
        super("A valid bearer token is required.");
    }
}
