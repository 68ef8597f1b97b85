package app.rekindle.identity.authorization;

import java.util.Optional;
import java.util.UUID;

/**
 * The subject a person's tokens name: their account's id, found by the name they signed in with. The accounts
 * package answers it (wired in {@code IdentityWiring}), so tokens need accounts without this package depending on
 * that one, which depends on this one for the provider's properties.
 */
@FunctionalInterface
public interface AccountIds {

    Optional<UUID> idOf(String username);
}
