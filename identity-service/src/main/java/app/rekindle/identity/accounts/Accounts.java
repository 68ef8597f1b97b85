package app.rekindle.identity.accounts;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * The accounts table, the only code that names it. A name is unique regardless of case; the canonical spelling
 * is the one chosen at sign-up.
 */
@Component
public class Accounts implements UserDetailsService {

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String keyOf(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    /** The account's id: the subject of the person's tokens. */
    public Optional<UUID> idOf(String username) {
        return jdbc.sql("SELECT id FROM account WHERE username_key = ?")
                .param(keyOf(username))
                .query(UUID.class)
                .optional();
    }

    /**
     * Opens an account, unless the name is taken (regardless of case).
     *
     * @return whether it was opened
     */
    boolean open(String username, String passwordHash) {
        return jdbc.sql("INSERT INTO account (id, username, username_key, password_hash) VALUES (?, ?, ?, ?)"
                                + " ON CONFLICT (username_key) DO NOTHING")
                        .params(UUID.randomUUID(), username, keyOf(username), passwordHash)
                        .update()
                == 1;
    }

    void changePasswordHash(String username, String passwordHash) {
        jdbc.sql("UPDATE account SET password_hash = ? WHERE username_key = ?")
                .params(passwordHash, keyOf(username))
                .update();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        // A plain User: the signed-in principal is stored with each authorization as typed JSON, and only
        // Spring's own types are on the list that may be read back.
        return jdbc.sql("SELECT username, password_hash FROM account WHERE username_key = ?")
                .param(keyOf(username))
                .query((row, n) -> User.withUsername(row.getString("username"))
                        .password(row.getString("password_hash"))
                        .roles("PERSON")
                        .build())
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }
}
