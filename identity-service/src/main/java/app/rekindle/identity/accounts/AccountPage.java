package app.rekindle.identity.accounts;

import app.rekindle.identity.authorization.IdentityProperties;
import app.rekindle.identity.authorization.PersonAuthorizations;
import app.rekindle.identity.throttling.SignInThrottle;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * A signed-in person's own page: who they are, a new password, their passkeys, signing out. A new password needs
 * the current one (a browser left signed in is not enough) and ends every token given out so far.
 */
@Controller
class AccountPage {

    private static final String CURRENT_PASSWORD_WRONG =
            "That is not your current password — or there were too many tries: wait a few minutes.";

    private final Accounts accounts;
    private final PasswordPolicy policy;
    private final PasswordEncoder passwords;
    private final PersonAuthorizations authorizations;
    private final URI dashboard;
    private final SignInThrottle throttle;

    AccountPage(
            Accounts accounts,
            PasswordPolicy policy,
            PasswordEncoder passwords,
            PersonAuthorizations authorizations,
            IdentityProperties identity,
            SignInThrottle throttle) {
        this.throttle = throttle;
        this.accounts = accounts;
        this.policy = policy;
        this.passwords = passwords;
        this.authorizations = authorizations;
        this.dashboard = identity.dashboardUris().isEmpty()
                ? null
                : identity.dashboardUris().getFirst();
    }

    @GetMapping("/account")
    String account(Authentication person, Model model) {
        return page(person, Map.of(), model);
    }

    @PostMapping("/account/password")
    String changePassword(
            @ModelAttribute ChangePasswordForm form,
            Authentication person,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        String username = person.getName();
        Map<String, String> errors = new LinkedHashMap<>();
        // Guessing the current password from a browser left signed in is throttled like signing in: the same
        // count per name and address, and while blocked even the right one is refused with the same words.
        String address = request.getRemoteAddr();
        String stored = accounts.loadUserByUsername(username).getPassword();
        if (throttle.refusesSignIn(username, address)) {
            errors.put("currentPassword", CURRENT_PASSWORD_WRONG);
        } else if (!passwords.matches(form.currentPassword(), stored)) {
            throttle.failedSignIn(username, address);
            errors.put("currentPassword", CURRENT_PASSWORD_WRONG);
        }
        policy.problemWith(form.newPassword(), username).ifPresent(problem -> errors.put("newPassword", problem));
        if (!errors.containsKey("newPassword") && !form.newPassword().equals(form.newPasswordAgain())) {
            errors.put("newPasswordAgain", "The two passwords differ. Type the same one twice.");
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(person, errors, model);
        }
        accounts.changePasswordHash(username, passwords.encode(form.newPassword()));
        authorizations.revokeAll(username);
        return "redirect:/account?password-changed";
    }

    private String page(Authentication person, Map<String, String> errors, Model model) {
        model.addAttribute("username", person.getName());
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("errors", errors);
        return "account";
    }
}
