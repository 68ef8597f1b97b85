package app.rekindle.identity.accounts;

import app.rekindle.identity.throttling.SignInThrottle;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Opening an account. Afterwards the person is signed in and goes on to where they were going (the dashboard's
 * sign-in request, saved when they were sent to sign in) or to their account page. Telling that a name is taken
 * is what any sign-up must do; it says nothing more, and sign-ups per address are throttled.
 */
@Controller
class SignUpPage {

    private final Accounts accounts;
    private final PasswordPolicy policy;
    private final PasswordEncoder passwords;
    private final SignInThrottle throttle;
    private final SignInAfterSignUp signIn;

    SignUpPage(
            Accounts accounts,
            PasswordPolicy policy,
            PasswordEncoder passwords,
            SignInThrottle throttle,
            SignInAfterSignUp signIn) {
        this.accounts = accounts;
        this.policy = policy;
        this.passwords = passwords;
        this.throttle = throttle;
        this.signIn = signIn;
    }

    @GetMapping("/signup")
    String form(Model model) {
        model.addAttribute("username", "");
        model.addAttribute("errors", Map.of());
        return "signup";
    }

    @PostMapping("/signup")
    String signUp(
            @ModelAttribute SignUpForm form, Model model, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        Map<String, String> errors = new LinkedHashMap<>();
        UserNames.problemWith(form.username()).ifPresent(problem -> errors.put("username", problem));
        policy.problemWith(form.password(), form.username()).ifPresent(problem -> errors.put("password", problem));
        if (!errors.containsKey("password") && !form.password().equals(form.passwordAgain())) {
            errors.put("passwordAgain", "The two passwords differ. Type the same one twice.");
        }
        if (errors.isEmpty() && !throttle.admitsSignUp(request.getRemoteAddr())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            errors.put("form", "Too many accounts were opened from here in a short time. Try again later.");
            return again(form, errors, model);
        }
        if (errors.isEmpty() && !accounts.open(form.username(), passwords.encode(form.password()))) {
            errors.put("username", "That user name is taken. Choose another one.");
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return again(form, errors, model);
        }
        signIn.as(form.username(), request, response);
        return null;
    }

    /** The form again with what was wrong; the name stays, the passwords are never sent back. */
    private static String again(SignUpForm form, Map<String, String> errors, Model model) {
        model.addAttribute("username", form.username());
        model.addAttribute("errors", errors);
        return "signup";
    }
}
