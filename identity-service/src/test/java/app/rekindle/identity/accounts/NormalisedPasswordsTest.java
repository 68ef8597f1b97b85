package app.rekindle.identity.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The password window stops a long password before it costs a hash. */
class NormalisedPasswordsTest {

    /** Records what reaches the hash, and matches everything it is asked about. */
    private static final class Hashes implements PasswordEncoder {
        final List<Integer> checkedLengths = new ArrayList<>();

        @Override
        public String encode(CharSequence rawPassword) {
            return "hash";
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            checkedLengths.add(rawPassword.length());
            return true;
        }
    }

    private final Hashes hashes = new Hashes();
    private final NormalisedPasswords passwords = new NormalisedPasswords(hashes);

    @Test
    void a_password_longer_than_any_that_can_be_set_matches_nothing_and_is_never_hashed() {
        assertThat(passwords.matches("x".repeat(PasswordPolicy.LONGEST_TYPED + 1), "hash"))
                .isFalse();
        assertThat(passwords.matches("x".repeat(1 << 20), "hash")).isFalse();
        assertThat(hashes.checkedLengths).isEmpty();
    }

    @Test
    void a_password_as_long_as_the_window_is_checked_by_the_hash() {
        assertThat(passwords.matches("x".repeat(PasswordPolicy.LONGEST_TYPED), "hash"))
                .isTrue();
        assertThat(hashes.checkedLengths).containsExactly(PasswordPolicy.LONGEST_TYPED);
    }
}
