package app.rekindle.identity.erasure;

import app.rekindle.identity.accounts.Accounts;
import app.rekindle.identity.authorization.PersonAuthorizations;
import app.rekindle.identity.throttling.SignInThrottle;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deleting an account: first every journal the person owns is erased (by the command service), then the
 * account itself — its passkeys, its grants to clients, its tokens and the account row — in one transaction.
 * When the journals cannot all be erased now, the account is kept and the person is told to try again (the
 * command service finishes what an earlier call left): an account never disappears while journals under its id
 * can still be read.
 */
@Service
class AccountDeletion {

    enum Outcome {
        DELETED,
        WRONG_PASSWORD,
        JOURNALS_NOT_ERASED
    }

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final JournalErasure journals;
    private final PublicKeyCredentialUserEntityRepository passkeyUsers;
    private final UserCredentialRepository passkeys;
    private final PersonAuthorizations authorizations;
    private final SignInThrottle throttle;
    private final TransactionTemplate transaction;

    AccountDeletion(
            Accounts accounts,
            PasswordEncoder passwords,
            JournalErasure journals,
            PublicKeyCredentialUserEntityRepository passkeyUsers,
            UserCredentialRepository passkeys,
            PersonAuthorizations authorizations,
            SignInThrottle throttle,
            TransactionTemplate transaction) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.journals = journals;
        this.passkeyUsers = passkeyUsers;
        this.passkeys = passkeys;
        this.authorizations = authorizations;
        this.throttle = throttle;
        this.transaction = transaction;
    }

    /**
     * Deletes the signed-in person's account once they confirm it with their password. Guessing that password
     * from a browser left signed in is throttled like signing in: while blocked, even the right one is refused.
     */
    Outcome delete(String username, String password, String address) {
        Optional<UUID> id = accounts.idOf(username);
        if (id.isEmpty() || throttle.refusesSignIn(username, address)) {
            return Outcome.WRONG_PASSWORD;
        }
        if (!passwordMatches(username, password)) {
            throttle.failedSignIn(username, address);
            return Outcome.WRONG_PASSWORD;
        }
        try {
            journals.eraseJournalsOf(id.get());
        } catch (JournalErasure.NotErased notYet) {
            return Outcome.JOURNALS_NOT_ERASED;
        }
        transaction.executeWithoutResult(status -> removeAccount(id.get(), username));
        return Outcome.DELETED;
    }

    private boolean passwordMatches(String username, String password) {
        try {
            UserDetails account = accounts.loadUserByUsername(username);
            return password != null && passwords.matches(password, account.getPassword());
        } catch (UsernameNotFoundException gone) {
            return false;
        }
    }

    private void removeAccount(UUID id, String username) {
        PublicKeyCredentialUserEntity passkeyUser = passkeyUsers.findByUsername(username);
        if (passkeyUser != null) {
            passkeys.findByUserId(passkeyUser.getId()).forEach(key -> passkeys.delete(key.getCredentialId()));
            passkeyUsers.delete(passkeyUser.getId());
        }
        authorizations.revokeAll(username);
        authorizations.forgetConsents(username);
        accounts.delete(id);
    }
}
