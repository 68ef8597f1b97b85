package app.rekindle.identity.throttling;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Failed sign-ins counted per user name and per client address, and sign-ups per address, in PostgreSQL (the
 * only code that names {@code sign_in_throttle}), so a block holds across restarts and instances. A name is
 * counted whether or not an account has it: a block says nothing about who exists.
 */
@Component
public class SignInThrottle {

    private static final String ACCOUNT = "account";
    private static final String ADDRESS = "address";
    private static final String SIGN_UP = "sign-up";

    private final JdbcClient jdbc;
    private final TransactionOperations transactions;
    private final ThrottleProperties limits;
    private final Clock clock = Clock.systemUTC();

    SignInThrottle(JdbcClient jdbc, TransactionOperations transactions, ThrottleProperties limits) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.limits = limits;
    }

    /** Whether a sign-in with this name (null when the request names none, as with a passkey) is refused now. */
    public boolean refusesSignIn(String username, String address) {
        Instant now = clock.instant();
        return (username != null && blocked(ACCOUNT, nameKey(username), now)) || blocked(ADDRESS, address, now);
    }

    /** Counts a failed sign-in; the name is null when the request named none (a passkey). */
    public void failedSignIn(String username, String address) {
        if (username != null) {
            count(ACCOUNT, nameKey(username), limits.accounts());
        }
        count(ADDRESS, address, limits.addresses());
    }

    /** A successful sign-in clears the name's failures (and its history of blocks); the address keeps its own. */
    public void succeededSignIn(String username) {
        jdbc.sql("DELETE FROM sign_in_throttle WHERE scope = ? AND subject = ?")
                .params(ACCOUNT, nameKey(username))
                .update();
    }

    /** Counts a sign-up from this address and tells whether it may go ahead. */
    public boolean admitsSignUp(String address) {
        if (blocked(SIGN_UP, address, clock.instant())) {
            return false;
        }
        count(SIGN_UP, address, limits.signUps());
        return true;
    }

    /** Forgets what no longer counts, so the table holds at most about a day of attempts. */
    int prune() {
        Instant cutoff = clock.instant().minus(limits.memory());
        return jdbc.sql("DELETE FROM sign_in_throttle WHERE greatest(window_started, blocked_until) < ?")
                .param(Timestamp.from(cutoff))
                .update();
    }

    private boolean blocked(String scope, String subject, Instant now) {
        return jdbc.sql("SELECT blocked_until FROM sign_in_throttle WHERE scope = ? AND subject = ?")
                .params(scope, subject)
                .query(Timestamp.class)
                .optional()
                .map(until -> now.isBefore(until.toInstant()))
                .orElse(false);
    }

    private void count(String scope, String subject, Limit limit) {
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            // The row is locked while it is read and written back: two instances counting at once both count.
            jdbc.sql("INSERT INTO sign_in_throttle (scope, subject, attempts, window_started, blocks)"
                            + " VALUES (?, ?, 0, ?, 0) ON CONFLICT DO NOTHING")
                    .params(scope, subject, Timestamp.from(now))
                    .update();
            Tally before = jdbc.sql("SELECT attempts, window_started, blocked_until, blocks FROM sign_in_throttle"
                            + " WHERE scope = ? AND subject = ? FOR UPDATE")
                    .params(scope, subject)
                    .query((row, n) -> new Tally(
                            row.getInt("attempts"),
                            row.getTimestamp("window_started").toInstant(),
                            row.getTimestamp("blocked_until") == null
                                    ? null
                                    : row.getTimestamp("blocked_until").toInstant(),
                            row.getInt("blocks")))
                    .single();
            Tally after = before.afterAttempt(now, limit);
            jdbc.sql("UPDATE sign_in_throttle SET attempts = ?, window_started = ?, blocked_until = ?, blocks = ?"
                            + " WHERE scope = ? AND subject = ?")
                    .params(
                            after.attempts(),
                            Timestamp.from(after.windowStarted()),
                            after.blockedUntil() == null ? null : Timestamp.from(after.blockedUntil()),
                            after.blocks(),
                            scope,
                            subject)
                    .update();
        });
    }

    /** Names are counted by their case-free form, as accounts are looked up, and stored only as a digest. */
    private static String nameKey(String username) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(username.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
