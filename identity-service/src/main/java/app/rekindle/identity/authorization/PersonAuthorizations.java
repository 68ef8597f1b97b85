package app.rekindle.identity.authorization;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Everything a person has authorized, ended at once: after a password change nothing obtained with the old
 * password refreshes any more, and a deleted account leaves nothing behind. Spring's
 * {@code OAuth2AuthorizationService} cannot find authorizations by person, hence the statements here, beside the
 * tables they name.
 */
@Component
public class PersonAuthorizations {

    private final JdbcClient jdbc;

    PersonAuthorizations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Ends every authorization (codes, access and refresh tokens, device codes) of the person.
     *
     * @param username the account's canonical name: the principal name every authorization is stored with
     * @return how many there were
     */
    public int revokeAll(String username) {
        return jdbc.sql("DELETE FROM oauth2_authorization WHERE principal_name = ?")
                .param(username)
                .update();
    }

    /** Forgets what the person allowed each client, so a client would have to ask again. */
    public int forgetConsents(String username) {
        return jdbc.sql("DELETE FROM oauth2_authorization_consent WHERE principal_name = ?")
                .param(username)
                .update();
    }
}
