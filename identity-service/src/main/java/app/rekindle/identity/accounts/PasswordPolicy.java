package app.rekindle.identity.accounts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What a password must be, after NIST SP 800-63B: long enough (12 to 128 characters, counted after Unicode NFKC
 * normalisation, so the same pass phrase typed on any keyboard is the same password), any characters including
 * spaces, no composition rules (they make passwords harder to remember, not to guess), and not one that guessing
 * starts with: the user name itself, one character repeated, or a list of very common passwords.
 */
@Component
class PasswordPolicy {

    static final int SHORTEST = 12;
    static final int LONGEST = 128;
    /**
     * The longest a password of at most {@link #LONGEST} characters can be as typed, in UTF-16 units, before
     * normalisation: NFKC makes one character of up to a few (a Hangul syllable of three jamo, a letter and its
     * accents, a surrogate pair). Anything longer is refused before it is normalised or hashed.
     */
    static final int LONGEST_TYPED = 4 * LONGEST;

    private static final String COMMON_PASSWORDS = "common-passwords.txt";

    private final Set<String> common;

    PasswordPolicy() {
        try (InputStream list = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS)) {
            if (list == null) {
                throw new IllegalStateException(
                        COMMON_PASSWORDS + " is missing beside " + getClass().getName());
            }
            common = new String(list.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(PasswordPolicy::comparable)
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The form every password is hashed and checked in: the same text whichever way its characters were typed. */
    static String normalised(CharSequence password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }

    /** Why this password cannot be used by this user name, if it cannot. */
    Optional<String> problemWith(String password, String username) {
        if (password.length() > LONGEST_TYPED) {
            return Optional.of(tooLong());
        }
        String normalised = normalised(password);
        int length = normalised.codePointCount(0, normalised.length());
        if (length < SHORTEST) {
            return Optional.of(
                    "Choose a password of at least " + SHORTEST + " characters; a few words make a good one.");
        }
        if (length > LONGEST) {
            return Optional.of(tooLong());
        }
        String comparable = comparable(normalised);
        if (!username.isBlank() && comparable.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("Choose a password that does not contain your user name.");
        }
        if (comparable.codePoints().distinct().count() == 1 || common.contains(comparable)) {
            return Optional.of("That password is among the first ones anybody would guess. Choose another one.");
        }
        return Optional.empty();
    }

    private static String tooLong() {
        return "A password has at most " + LONGEST + " characters.";
    }

    private static String comparable(String password) {
        return normalised(password).toLowerCase(Locale.ROOT);
    }
}
