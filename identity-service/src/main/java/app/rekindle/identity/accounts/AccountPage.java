package app.rekindle.identity.accounts;

import app.rekindle.identity.authorization.IdentityProperties;
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

    private final Accounts accounts;
    private final PasswordPolicy policy;
    private final PasswordEncoder passwords;
    private final SignOutEverywhere signOutEverywhere;
    private final URI dashboard;

    AccountPage(
            Accounts accounts,
            PasswordPolicy policy,
            PasswordEncoder passwords,
            SignOutEverywhere signOutEverywhere,
            IdentityProperties identity) {
        this.accounts = accounts;
        this.policy = policy;
        this.passwords = passwords;
        this.signOutEverywhere = signOutEverywhere;
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
            @ModelAttribute ChangePasswordForm form, Authentication person, Model model, HttpServletResponse response) {
        String username = person.getName();
        Map<String, String> errors = new LinkedHashMap<>();
        String stored = accounts.loadUserByUsername(username).getPassword();
        if (!passwords.matches(form.currentPassword(), stored)) {
            errors.put("currentPassword", "That is not your current password.");
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
        signOutEverywhere.of(username);
        return "redirect:/account?password-changed";
    }

    private String page(Authentication person, Map<String, String> errors, Model model) {
        model.addAttribute("username", person.getName());
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("errors", errors);
        return "account";
    }
}
