package app.rekindle.identity.accounts;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Hashes and checks passwords in their normalised form ({@link PasswordPolicy#normalised}), so a password set on
 * one keyboard signs in from another.
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
        return hashes.matches(PasswordPolicy.normalised(rawPassword), encodedPassword);
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return hashes.upgradeEncoding(encodedPassword);
    }
}
