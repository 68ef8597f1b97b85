package app.rekindle.identity;

import static java.util.Map.entry;

import app.rekindle.support.testing.TableOwnershipContract;
import java.util.Map;
import java.util.Set;

/** Each of the identity service's tables is named in SQL by its owning package only. */
class TableOwnershipTest extends TableOwnershipContract {

    /** THE table → owner map: change it here when a table is added or its owner moves. */
    private static final Map<String, String> OWNERS = Map.ofEntries(
            // Spring Authorization Server's clients, authorizations (codes, tokens, device codes) and consents.
            entry("oauth2_registered_client", "authorization"),
            entry("oauth2_authorization", "authorization"),
            entry("oauth2_authorization_consent", "authorization"),
            entry("person_account", "accounts"),
            // Failed sign-ins per name digest and per address.
            entry("sign_in_throttle", "throttling"),
            // Spring Security's passkey stores (only its JDBC repositories name them).
            entry("user_entities", "passkeys"),
            entry("user_credentials", "passkeys"));

    private static final Set<String> KNOWN_EXCEPTIONS = Set.of();

    @Override
    protected String rootPackage() {
        return "app.rekindle.identity";
    }

    @Override
    protected Map<String, String> owners() {
        return OWNERS;
    }

    @Override
    protected Set<String> knownExceptions() {
        return KNOWN_EXCEPTIONS;
    }
}
