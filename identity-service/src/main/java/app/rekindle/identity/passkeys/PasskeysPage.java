package app.rekindle.identity.passkeys;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The page a signed-in person manages their passkeys on. It lists only the passkeys of the person signed in;
 * adding and removing go to Spring Security's WebAuthn endpoints, which check the same (a passkey of someone else
 * is refused exactly like one that does not exist).
 */
@Controller
class PasskeysPage {

    private final PublicKeyCredentialUserEntityRepository people;
    private final UserCredentialRepository credentials;

    PasskeysPage(PublicKeyCredentialUserEntityRepository people, UserCredentialRepository credentials) {
        this.people = people;
        this.credentials = credentials;
    }

    @GetMapping("/passkeys")
    String passkeys(Authentication signedIn, Model model) {
        model.addAttribute("username", signedIn.getName());
        model.addAttribute("passkeys", passkeysOf(signedIn.getName()));
        return "passkeys/list";
    }

    private List<Passkey> passkeysOf(String username) {
        // A person gets a WebAuthn user entity with their first passkey; until then they have none.
        PublicKeyCredentialUserEntity person = people.findByUsername(username);
        if (person == null) {
            return List.of();
        }
        return credentials.findByUserId(person.getId()).stream()
                .map(Passkey::of)
                .sorted(Comparator.comparing(Passkey::created))
                .toList();
    }

    /**
     * One passkey as the page shows it; times in UTC, since the provider does not know the person's zone.
     *
     * @param id the credential id (base64url), what the removal request names
     */
    record Passkey(String id, String label, OffsetDateTime created, OffsetDateTime lastUsed) {

        static Passkey of(CredentialRecord credential) {
            return new Passkey(
                    credential.getCredentialId().toBase64UrlString(),
                    credential.getLabel(),
                    utc(credential.getCreated()),
                    utc(credential.getLastUsed()));
        }

        private static OffsetDateTime utc(Instant instant) {
            return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
        }
    }
}
