package app.rekindle.identity.passkeys;

import app.rekindle.support.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.management.CredentialRecordOwnerAuthorizationManager;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Removes a passkey: {@code DELETE /webauthn/register/{id}}, the address Spring Security's registration filter
 * serves, answered here first. Who may remove one is Spring's rule ({@link CredentialRecordOwnerAuthorizationManager}:
 * only the person it belongs to); what differs is the refusal. Spring answers 403 and lets an id that is not
 * base64url end as a server error; here a passkey of someone else, one nobody has and a malformed id all get the
 * same 404 problem, so whoever asks cannot tell a stranger's passkey from none.
 */
final class PasskeyRemoval extends OncePerRequestFilter {

    private static final RequestMatcher REMOVE =
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.DELETE, "/webauthn/register/{id}");

    private final UserCredentialRepository credentials;
    private final AuthorizationManager<Bytes> owner;

    PasskeyRemoval(UserCredentialRepository credentials, PublicKeyCredentialUserEntityRepository people) {
        this.credentials = credentials;
        this.owner = new CredentialRecordOwnerAuthorizationManager(credentials, people);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RequestMatcher.MatchResult removal = REMOVE.matcher(request);
        if (!removal.isMatch()) {
            chain.doFilter(request, response);
            return;
        }
        Bytes id = credentialId(removal.getVariables().get("id"));
        AuthorizationResult allowed = id == null
                ? null
                : owner.authorize(
                        () -> SecurityContextHolder.getContextHolderStrategy()
                                .getContext()
                                .getAuthentication(),
                        id);
        if (allowed == null || !allowed.isGranted()) {
            ProblemWriter.write(
                    response,
                    HttpStatus.NOT_FOUND,
                    ProblemWriter.body(
                            HttpStatus.NOT_FOUND,
                            "passkey-not-found",
                            "No such passkey",
                            "You have no passkey with this id."));
            return;
        }
        credentials.delete(id);
        response.setStatus(HttpStatus.NO_CONTENT.value());
    }

    private static Bytes credentialId(String base64Url) {
        try {
            return Bytes.fromBase64(base64Url);
        } catch (IllegalArgumentException notBase64Url) {
            return null;
        }
    }
}
