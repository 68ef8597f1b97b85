package app.rekindle.identity.accounts;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Hashes and checks passwords in their normalised form ({@link PasswordPolicy#normalised}), so a password set on
 * one keyboard signs in from another. A password longer than any the policy lets be set
 * ({@link PasswordPolicy#LONGEST_TYPED}) matches nothing and is neither normalised nor hashed: the work of a check
 * stays that of a password of the window's length, however long what was sent. Its quick refusal tells nothing
 * about an account, since it is the same for every one.
 */
final class NormalisedPasswords implements PasswordEncoder {

    private final PasswordEncoder hashes;

    NormalisedPasswords(PasswordEncoder hashes) {
        this.hashes = hashes;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return hashes.encode(PasswordPolicy.normalised(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || rawPassword.length() > PasswordPolicy.LONGEST_TYPED) {
            return false;
        }
        return hashes.matches(PasswordPolicy.normalised(rawPassword), encodedPassword);
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return hashes.upgradeEncoding(encodedPassword);
    }
}
