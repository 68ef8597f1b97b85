package app.rekindle.identity.erasure;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The page where a signed-in person deletes their account and every journal in it. */
@Controller
class AccountDeletionController {

    static final String PAGE = "erasure/delete";
    static final String DONE = "erasure/deleted";

    private final AccountDeletion deletion;

    AccountDeletionController(AccountDeletion deletion) {
        this.deletion = deletion;
    }

    @GetMapping("/account/delete")
    String confirm(Authentication person, Model model) {
        model.addAttribute("username", person.getName());
        return PAGE;
    }

    @PostMapping("/account/delete")
    String delete(
            Authentication person,
            @RequestParam(name = "password", required = false) String password,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        AccountDeletion.Outcome outcome = deletion.delete(person.getName(), password, request.getRemoteAddr());
        if (outcome == AccountDeletion.Outcome.DELETED) {
            new SecurityContextLogoutHandler().logout(request, response, person);
            return DONE;
        }
        model.addAttribute("username", person.getName());
        model.addAttribute("problem", outcome.name());
        response.setStatus(
                outcome == AccountDeletion.Outcome.WRONG_PASSWORD
                        ? HttpServletResponse.SC_BAD_REQUEST
                        : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        return PAGE;
    }
}
