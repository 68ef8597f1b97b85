package app.rekindle.identity.accounts;

import static app.rekindle.support.testing.WebSession.location;
import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.support.testing.WebSession;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Opening an account over real HTTP: the rules, the answers, and being signed in afterwards. */
class SignUpTest extends ProviderUnderTest {

    private static final String PASSWORD = "a quiet walk by the river";

    @Test
    void signing_up_opens_the_account_with_an_argon2_hash_and_signs_the_person_in() {
        WebSession browser = new WebSession(ISSUER);
        String name = newName("Robin");

        HttpResponse<String> signedUp = browser.signUp(name, PASSWORD);

        assertThat(signedUp.statusCode()).isEqualTo(302);
        assertThat(location(signedUp)).isEqualTo(ISSUER + "/account");
        HttpResponse<String> account = browser.get("/account");
        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(account.body()).contains(">" + name + "<").doesNotContain("id=\"password-changed\"");
        assertThat(hashOf(name)).get().asString().startsWith("{argon2}").doesNotContain(PASSWORD);
    }

    @Test
    void after_signing_up_the_person_goes_on_to_the_dashboard_sign_in_that_sent_them() {
        WebSession browser = new WebSession(ISSUER);
        String authorize = WebSession.authorizePath(DASHBOARD, WebSession.challengeOf("verifier-".repeat(6)));
        HttpResponse<String> notSignedIn = browser.get(authorize);
        assertThat(location(notSignedIn)).isEqualTo(ISSUER + "/login");

        HttpResponse<String> signedUp = browser.signUp(newName("Kit"), PASSWORD);

        assertThat(signedUp.statusCode()).isEqualTo(302);
        assertThat(location(signedUp)).startsWith(ISSUER + "/oauth2/authorize?");
        HttpResponse<String> authorized = browser.get(location(signedUp));
        assertThat(location(authorized)).startsWith(DASHBOARD).contains("code=");
    }

    @Test
    void a_name_taken_in_any_case_is_refused_and_the_account_keeps_its_password() {
        String name = newName("Sam");
        new WebSession(ISSUER).signUp(name, PASSWORD);
        String hash = hashOf(name).orElseThrow();

        HttpResponse<String> again = new WebSession(ISSUER).signUp(name.toUpperCase(), "a different long passphrase");

        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("class=\"field-error\"").contains("That user name is taken.");
        assertThat(hashOf(name)).contains(hash);
        assertThat(countOf(name)).isEqualTo(1);
    }

    @Test
    void names_and_passwords_outside_the_rules_are_refused_with_the_reason_beside_the_field() {
        Map<String, String> refused = Map.of(
                "ab",
                "A user name has 3 to 64 characters.",
                "x".repeat(65),
                "A user name has 3 to 64 characters.",
                "robin smith",
                "Use only letters a–z, digits and . _ @ - in a user name.",
                "röbin",
                "Use only letters a–z, digits and . _ @ - in a user name.");
        refused.forEach((name, reason) -> {
            HttpResponse<String> answer = new WebSession(ISSUER).signUp(name, PASSWORD);
            assertThat(answer.statusCode()).as(name).isEqualTo(400);
            assertThat(answer.body()).as(name).contains(reason);
            assertThat(countOf(name)).as(name).isZero();
        });

        String name = newName("Alex");
        HttpResponse<String> short_ = new WebSession(ISSUER).signUp(name, "eleven char");
        assertThat(short_.statusCode()).isEqualTo(400);
        assertThat(short_.body()).contains("at least 12 characters").contains("id=\"password-error\"");
        HttpResponse<String> differing = new WebSession(ISSUER)
                .submit(
                        "/signup",
                        "/signup",
                        Map.of("username", name, "password", PASSWORD, "passwordAgain", PASSWORD + "!"));
        assertThat(differing.statusCode()).isEqualTo(400);
        assertThat(differing.body()).contains("The two passwords differ.").doesNotContain(PASSWORD);
        assertThat(countOf(name)).isZero();
    }

    @Test
    void a_form_without_its_fields_is_refused_as_bad_input_not_an_error_of_the_provider() {
        HttpResponse<String> empty = new WebSession(ISSUER).submit("/signup", "/signup", Map.of());

        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("A user name has 3 to 64 characters.");
    }

    @Test
    void a_password_typed_in_another_unicode_form_is_the_same_password() {
        String name = newName("Noa");
        // Full-width letters (as some keyboards type them) are the same text after NFKC normalisation.
        new WebSession(ISSUER).signUp(name, "ｔｈｅ　ｌｉｇｈｔｈｏｕｓｅ　ｋｅｅｐｅｒ");

        HttpResponse<String> signedIn = new WebSession(ISSUER).signIn(name, "the lighthouse keeper");

        assertThat(location(signedIn)).isEqualTo(ISSUER + "/account");
    }

    @Test
    void sign_ups_from_one_address_are_throttled() {
        for (int i = 0; i < SIGN_UPS_PER_ADDRESS; i++) {
            assertThat(new WebSession(ISSUER).signUp(newName("many"), PASSWORD).statusCode())
                    .isEqualTo(302);
        }
        String name = newName("one-too-many");

        HttpResponse<String> refused = new WebSession(ISSUER).signUp(name, PASSWORD);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("Too many accounts were opened from here");
        assertThat(countOf(name)).isZero();
    }

    @Test
    void the_pages_load_nothing_from_elsewhere_run_no_inline_script_and_cannot_be_framed() {
        for (String page : new String[] {"/login", "/signup"}) {
            HttpResponse<String> answer = new WebSession(ISSUER).get(page);
            assertThat(answer.statusCode()).isEqualTo(200);
            String policy =
                    answer.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertThat(policy)
                    .contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'")
                    .contains("form-action 'self' http://localhost:8081")
                    .doesNotContain("unsafe-inline");
            assertThat(answer.headers().firstValue("Referrer-Policy")).contains("no-referrer");
            assertThat(answer.headers().firstValue("X-Frame-Options")).contains("DENY");
            assertThat(answer.body()).doesNotContain("<script>", "src=\"http", "href=\"http", "style=");
        }
    }

    private Optional<String> hashOf(String name) {
        return jdbc.sql("SELECT password_hash FROM person_account WHERE username_key = lower(?)")
                .param(name)
                .query(String.class)
                .optional();
    }

    private long countOf(String name) {
        return jdbc.sql("SELECT count(*) FROM person_account WHERE username_key = lower(?)")
                .param(name)
                .query(Long.class)
                .single();
    }
}
