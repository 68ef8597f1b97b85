package app.rekindle.identity.authorization;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Our own pages for the moments a person is asked about a client: entering the code a command line shows
 * (device authorization grant), and allowing or refusing what a client asks for. Spring's built-in pages load
 * their styles from a CDN; these load nothing but this provider's own stylesheet.
 */
@Controller
class ConsentPages {

    static final String DEVICE_VERIFICATION = "/oauth2/device_verification";
    static final String CONSENT = "/oauth2/consent";
    private static final String AUTHORIZE = "/oauth2/authorize";

    /** What each scope lets a client do, in the words the consent page uses. */
    private static final Map<String, String> SCOPES = Map.of(
            RegisteredClients.JOURNALS_SCOPE, "Read and write your journals",
            OidcScopes.OPENID, "Know that it is you",
            OidcScopes.PROFILE, "See your user name");

    private final RegisteredClientRepository clients;

    ConsentPages(RegisteredClientRepository clients) {
        this.clients = clients;
    }

    /**
     * The page the command line sends a person to, without a code (or with one in the link it prints: then
     * Spring's verification endpoint takes the request before it gets here). It also tells how the last attempt
     * ended: {@code ?error} a code that is wrong, used or expired, {@code ?denied}, {@code ?success}.
     */
    @GetMapping(DEVICE_VERIFICATION)
    String deviceVerification(@RequestParam Map<String, String> outcome, Model model) {
        for (String ending : new String[] {"success", "denied", "error"}) {
            model.addAttribute(ending, outcome.containsKey(ending));
        }
        return "device/verification";
    }

    @GetMapping(CONSENT)
    String consent(
            @RequestParam(name = "client_id") String clientId,
            @RequestParam(name = "scope", defaultValue = "") String scope,
            @RequestParam String state,
            @RequestParam(name = "user_code", required = false) String userCode,
            Principal person,
            Model model) {
        RegisteredClient client = clients.findByClientId(clientId);
        if (client == null) {
            return "redirect:" + DEVICE_VERIFICATION + "?error";
        }
        Map<String, String> requested = new LinkedHashMap<>();
        for (String name : scope.split(" ")) {
            if (!name.isBlank()) {
                requested.put(name, SCOPES.getOrDefault(name, name));
            }
        }
        model.addAttribute("person", person.getName());
        model.addAttribute("clientName", client.getClientName());
        model.addAttribute("clientId", clientId);
        model.addAttribute("scopes", requested);
        model.addAttribute("state", state);
        model.addAttribute("userCode", userCode);
        // The device grant's answer goes back to its verification endpoint, a browser client's to authorize.
        model.addAttribute("action", userCode != null ? DEVICE_VERIFICATION : AUTHORIZE);
        return "consent";
    }

    /** After consent the person is told to go back to the command line. */
    static AuthenticationSuccessHandler deviceVerified() {
        return (request, response, authentication) -> response.sendRedirect(DEVICE_VERIFICATION + "?success");
    }

    /** A refusal and a code that does not work end on the verification page, each with its own words. */
    static AuthenticationFailureHandler deviceVerificationFailed() {
        return (request, response, exception) -> {
            boolean denied = exception instanceof OAuth2AuthenticationException oauth
                    && OAuth2ErrorCodes.ACCESS_DENIED.equals(oauth.getError().getErrorCode());
            response.sendRedirect(DEVICE_VERIFICATION + (denied ? "?denied" : "?error"));
        };
    }
}
