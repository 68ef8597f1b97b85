package app.rekindle.identity.accounts;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Component;

/**
 * Signs a person in right after they opened their account, as the password form would have: a new session id, a
 * new CSRF token, the password factor, the same kind of principal (a plain {@code User} without its password, which the stored
 * authorizations can read back), and on to the request that sent them to sign in, or their account page.
 */
@Component
class SignInAfterSignUp {

    private final Accounts accounts;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
    private final SessionAuthenticationStrategy newSession = new CompositeSessionAuthenticationStrategy(List.of(
            new ChangeSessionIdAuthenticationStrategy(),
            new CsrfAuthenticationStrategy(new HttpSessionCsrfTokenRepository())));
    private final SavedRequestAwareAuthenticationSuccessHandler onwards =
            new SavedRequestAwareAuthenticationSuccessHandler();
    private final WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();

    SignInAfterSignUp(Accounts accounts) {
        this.accounts = accounts;
        onwards.setDefaultTargetUrl(AccountsConfig.SIGNED_IN_HOME);
    }

    void as(String username, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        User person = (User) accounts.loadUserByUsername(username);
        person.eraseCredentials();
        // The password just chosen is the factor this sign-in rests on (its time becomes the ID token's auth_time).
        Collection<GrantedAuthority> authorities = new LinkedHashSet<>(person.getAuthorities());
        authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY));
        UsernamePasswordAuthenticationToken signedIn =
                UsernamePasswordAuthenticationToken.authenticated(person, null, authorities);
        signedIn.setDetails(details.buildDetails(request));
        newSession.onAuthentication(signedIn, request, response);
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(signedIn);
        contexts.setContext(context);
        sessions.saveContext(context, request, response);
        onwards.onAuthenticationSuccess(request, response, signedIn);
    }
}
