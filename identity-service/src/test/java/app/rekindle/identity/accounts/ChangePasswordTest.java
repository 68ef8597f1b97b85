package app.rekindle.identity.accounts;

import static app.rekindle.support.testing.WebSession.location;
import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.support.testing.WebSession;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A new password needs the current one, follows the policy, and ends every token given out before. */
class ChangePasswordTest extends ProviderUnderTest {

    @Autowired
    PasswordEncoder passwords;

    private static final String OLD = "the old pass phrase 1";
    private static final String NEW = "the new pass phrase 2";

    @Test
    void after_a_password_change_the_old_refresh_token_and_the_old_password_are_refused() {
        String name = newName("Robin");
        WebSession browser = new WebSession(ISSUER);
        browser.signUp(name, OLD);
        String refresh =
                browser.dashboardTokens(DASHBOARD).path("refresh_token").asString();
        assertThat(refresh).isNotBlank();

        HttpResponse<String> changed = change(browser, OLD, NEW, NEW);

        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(location(changed)).isEqualTo(ISSUER + "/account?password-changed");
        assertThat(browser.get(location(changed)).body()).contains("Your password is changed.");
        HttpResponse<String> refreshed = browser.refresh(refresh);
        assertThat(refreshed.statusCode()).isEqualTo(400);
        assertThat(WebSession.json(refreshed.body()).path("error").asString()).isEqualTo("invalid_grant");
        assertThat(location(new WebSession(ISSUER).signIn(name, OLD))).isEqualTo(ISSUER + "/login?error");
        assertThat(location(new WebSession(ISSUER).signIn(name, NEW))).isEqualTo(ISSUER + "/account");
    }

    @Test
    void another_persons_tokens_stay_valid() {
        WebSession other = new WebSession(ISSUER);
        other.signUp(newName("Kit"), OLD);
        String othersRefresh =
                other.dashboardTokens(DASHBOARD).path("refresh_token").asString();
        WebSession browser = new WebSession(ISSUER);
        browser.signUp(newName("Robin"), OLD);

        change(browser, OLD, NEW, NEW);

        assertThat(other.refresh(othersRefresh).statusCode()).isEqualTo(200);
    }

    @Test
    void a_wrong_current_password_changes_nothing_and_ends_no_token() {
        String name = newName("Sam");
        WebSession browser = new WebSession(ISSUER);
        browser.signUp(name, OLD);
        String refresh =
                browser.dashboardTokens(DASHBOARD).path("refresh_token").asString();

        HttpResponse<String> refused = change(browser, "not the old one at all", NEW, NEW);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("That is not your current password");
        assertThat(browser.refresh(refresh).statusCode()).isEqualTo(200);
        assertThat(location(new WebSession(ISSUER).signIn(name, OLD))).isEqualTo(ISSUER + "/account");
    }

    @Test
    void a_new_password_outside_the_policy_or_typed_differently_twice_is_refused() {
        String name = newName("Alex");
        WebSession browser = new WebSession(ISSUER);
        browser.signUp(name, OLD);

        HttpResponse<String> tooShort = change(browser, OLD, "too short", "too short");
        HttpResponse<String> withName = change(browser, OLD, "I am " + name + " indeed", "I am " + name + " indeed");
        HttpResponse<String> differing = change(browser, OLD, NEW, NEW + "!");

        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(tooShort.body()).contains("at least 12 characters");
        assertThat(withName.body()).contains("does not contain your user name");
        assertThat(differing.body()).contains("The two passwords differ.");
        assertThat(location(new WebSession(ISSUER).signIn(name, OLD))).isEqualTo(ISSUER + "/account");
    }

    @Test
    void guessing_the_current_password_is_throttled_like_signing_in() {
        String name = newName("Lou");
        WebSession browser = new WebSession(ISSUER);
        browser.signUp(name, OLD);
        for (int i = 0; i < ACCOUNT_FAILURES; i++) {
            assertThat(change(browser, "a guessed pass phrase " + i, NEW, NEW).statusCode())
                    .isEqualTo(400);
        }

        HttpResponse<String> blocked = change(browser, OLD, NEW, NEW);

        assertThat(blocked.statusCode()).isEqualTo(400);
        assertThat(blocked.body()).contains("That is not your current password");
        String hash = jdbc.sql("SELECT password_hash FROM person_account WHERE username_key = lower(?)")
                .param(name)
                .query(String.class)
                .single();
        assertThat(passwords.matches(OLD, hash)).as("the password is unchanged").isTrue();
        // The name is blocked for signing in too, until the block ends.
        assertThat(location(new WebSession(ISSUER).signIn(name, OLD))).isEqualTo(ISSUER + "/login?error");
    }

    @Test
    void the_account_page_needs_a_signed_in_person() {
        HttpResponse<String> page = new WebSession(ISSUER).get("/account");

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(location(page)).isEqualTo(ISSUER + "/login");
    }

    private static HttpResponse<String> change(WebSession browser, String current, String next, String nextAgain) {
        return browser.submit(
                "/account",
                "/account/password",
                Map.of("currentPassword", current, "newPassword", next, "newPasswordAgain", nextAgain));
    }
}
