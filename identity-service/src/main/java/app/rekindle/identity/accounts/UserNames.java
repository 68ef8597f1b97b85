package app.rekindle.identity.accounts;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a user name may be: 3 to 64 of the letters A–Z and a–z, digits and {@code . _ @ -} (the characters the
 * demo tokens have always taken, so an e-mail address fits), unique regardless of case.
 */
final class UserNames {

    static final int SHORTEST = 3;
    static final int LONGEST = 64;
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._@-]+");

    private UserNames() {}

    /** Why the name cannot be taken, if it cannot. */
    static Optional<String> problemWith(String username) {
        if (username.length() < SHORTEST || username.length() > LONGEST) {
            return Optional.of("A user name has " + SHORTEST + " to " + LONGEST + " characters.");
        }
        if (!ALLOWED.matcher(username).matches()) {
            return Optional.of("Use only letters a–z, digits and . _ @ - in a user name.");
        }
        return Optional.empty();
    }
}
