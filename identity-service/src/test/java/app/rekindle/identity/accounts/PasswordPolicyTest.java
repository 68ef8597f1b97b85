package app.rekindle.identity.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void twelve_to_one_hundred_twenty_eight_characters_of_any_kind_are_enough() {
        assertThat(policy.problemWith("twelve chars", "robin")).isEmpty();
        assertThat(policy.problemWith("x7".repeat(64), "robin")).isEmpty();
        assertThat(policy.problemWith("Ünïcödé wörds", "robin")).isEmpty();
        assertThat(policy.problemWith("all lower case no digits", "robin")).isEmpty();
    }

    @Test
    void shorter_and_longer_ones_are_refused() {
        assertThat(policy.problemWith("eleven char", "robin")).get().asString().contains("at least 12");
        assertThat(policy.problemWith("x7".repeat(64) + "y", "robin"))
                .get()
                .asString()
                .contains("at most 128");
    }

    @Test
    void length_counts_characters_not_bytes_or_utf16_units() {
        String twelveEmoji = "🌊".repeat(6) + "🔥".repeat(6);
        assertThat(twelveEmoji.length()).isEqualTo(24);
        assertThat(policy.problemWith(twelveEmoji, "robin")).isEmpty();
        assertThat(policy.problemWith("🌊".repeat(11), "robin"))
                .get()
                .asString()
                .contains("at least 12");
    }

    @Test
    void length_is_counted_after_nfkc_normalisation() {
        // The ligature "ﬃ" is three letters once normalised: four of them make twelve.
        assertThat(policy.problemWith("ﬃ".repeat(3), "robin")).get().asString().contains("at least 12");
        assertThat(policy.problemWith("ﬃ".repeat(4), "robin")).isEmpty();
    }

    @Test
    void a_password_containing_the_user_name_in_any_case_is_refused() {
        assertThat(policy.problemWith("my name is ROBIN-77 ok", "robin-77"))
                .get()
                .asString()
                .contains("user name");
    }

    @Test
    void common_passwords_and_one_repeated_character_are_refused_in_any_case_or_width() {
        assertThat(policy.problemWith("Password1234", "robin")).get().asString().contains("guess");
        assertThat(policy.problemWith("ＣＯＲＲＥＣＴＨＯＲＳＥＢＡＴＴＥＲＹＳＴＡＰＬＥ", "robin"))
                .get()
                .asString()
                .contains("guess");
        assertThat(policy.problemWith("rekindle1234", "robin")).get().asString().contains("guess");
        assertThat(policy.problemWith("aaaaaaaaaaaaaaa", "robin"))
                .get()
                .asString()
                .contains("guess");
    }

    @Test
    void the_normalised_form_is_nfkc() {
        assertThat(PasswordPolicy.normalised("ｐａｓｓ　ｐｈｒａｓｅ")).isEqualTo("pass phrase");
        assertThat(PasswordPolicy.normalised("cafe\u0301")).isEqualTo("café");
    }
}
