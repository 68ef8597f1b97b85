package app.rekindle.identity.accounts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Ends every authorization a person has given (codes, access and refresh tokens of the dashboard and the command
 * line): after a password change nothing obtained with the old password refreshes any more. Spring's
 * {@code OAuth2AuthorizationService} cannot find authorizations by person, hence the one statement here. The
 * table belongs to the authorization package (where this class should live once both are merged).
 */
@Component
class SignOutEverywhere {

    private final JdbcClient jdbc;

    SignOutEverywhere(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param username the account's canonical name: the principal name every authorization is stored with */
    int of(String username) {
        return jdbc.sql("DELETE FROM oauth2_authorization WHERE principal_name = ?")
                .param(username)
                .update();
    }
}
